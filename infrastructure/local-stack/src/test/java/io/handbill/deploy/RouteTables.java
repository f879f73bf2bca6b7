package io.handbill.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Routes as code declares them, as {@code "GET /api/events/{id}"} keys. A class's route table is any public static
 * collection (field, or no-argument method named for routes) of route keys, or of objects with {@code routeKey()}, {@code key()} or
 * {@code method()} and {@code path()}. Without one, route-key literals in the sources count.
 */
final class RouteTables {
    static final Pattern ROUTE_KEY = Pattern.compile("(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (/\\S*)");
    private static final Pattern ROUTE_LITERAL = Pattern.compile("\"(" + ROUTE_KEY.pattern() + ")\"");

    private RouteTables() {
    }

    /** Route tables a class exposes, by "Class.member". */
    static Map<String, Set<String>> exposedBy(Class<?> type) {
        Map<String, Set<String>> tables = new LinkedHashMap<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Collection.class.isAssignableFrom(field.getType())) {
                routeKeys(read(() -> field.get(null))).ifPresent(keys -> tables.put(type.getSimpleName() + "." + field.getName(), keys));
            }
        }
        for (Method method : type.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0
                    && method.getName().toLowerCase().contains("route")
                    && Collection.class.isAssignableFrom(method.getReturnType())) {
                routeKeys(read(() -> method.invoke(null))).ifPresent(keys -> tables.put(type.getSimpleName() + "." + method.getName(), keys));
            }
        }
        return tables;
    }

    /** Handler class by route key, from route tables whose entries also name their {@code handler()}. */
    static Map<String, String> handlersByRoute(Class<?> type) {
        Map<String, String> handlers = new TreeMap<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Collection.class.isAssignableFrom(field.getType())
                    && read(() -> field.get(null)) instanceof Collection<?> entries) {
                for (Object entry : entries) {
                    Object handler = call(entry, "handler");
                    String key = routeKey(entry);
                    if (handler != null && key != null && ROUTE_KEY.matcher(key).matches()) {
                        handlers.put(key, handler.toString());
                    }
                }
            }
        }
        return handlers;
    }

    /** Route-key string literals in the sources (not following shared code). */
    static Set<String> literalsIn(Path sourceRoot) {
        Set<String> keys = new TreeSet<>();
        for (Path file : Repo.javaFiles(sourceRoot)) {
            var matcher = ROUTE_LITERAL.matcher(Repo.read(file));
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }

    /** Every class compiled from a source root, loaded without initialising it. */
    static List<Class<?>> classesUnder(Path classesDir) {
        if (!Files.isDirectory(classesDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classesDir)) {
            return files.filter(file -> file.toString().endsWith(".class") && !file.toString().contains("$"))
                    .map(file -> classesDir.relativize(file).toString().replace(".class", "").replace('/', '.'))
                    .map(RouteTables::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, RouteTables.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Set<String>> routeKeys(Object value) {
        if (!(value instanceof Collection<?> elements) || elements.isEmpty()) {
            return Optional.empty();
        }
        Set<String> keys = new TreeSet<>();
        for (Object element : elements) {
            String key = routeKey(element);
            if (key == null || !ROUTE_KEY.matcher(key).matches()) {
                return Optional.empty();
            }
            keys.add(key);
        }
        return Optional.of(keys);
    }

    private static String routeKey(Object element) {
        if (element instanceof CharSequence text) {
            return text.toString();
        }
        for (String accessor : List.of("routeKey", "key")) {
            Object key = call(element, accessor);
            if (key != null) {
                return key.toString();
            }
        }
        Object method = call(element, "method");
        Object path = call(element, "path");
        return method != null && path != null ? method + " " + path : element.toString();
    }

    private static Object call(Object target, String accessor) {
        try {
            Method method = target.getClass().getMethod(accessor);
            method.setAccessible(true);
            return method.getParameterCount() == 0 ? method.invoke(target) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object read(ReflectiveRead read) {
        try {
            return read.get();
        } catch (ReflectiveOperationException | RuntimeException | ExceptionInInitializerError e) {
            return null;
        }
    }

    private interface ReflectiveRead {
        Object get() throws ReflectiveOperationException;
    }
}
