package io.handbill.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java sources one function is built from: its module's main sources plus the shared classes they reach
 * (imports and same-package names, followed transitively). Read as text, so a function can be checked before the
 * local stack's classpath includes it.
 */
final class JavaSources {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+?)(?:\\.\\*)?;",
            Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    final Map<Path, String> files;

    private JavaSources(Map<Path, String> files) {
        this.files = files;
    }

    static JavaSources of(Path sourceRoot) {
        List<Path> roots = new ArrayList<>(Repo.javaFiles(sourceRoot));
        roots.addAll(sharedServiceProviders());
        return withSharedClassesReached(roots);
    }

    /** Shared classes registered in META-INF/services: ServiceLoader runs them wherever shared is on the classpath. */
    private static List<Path> sharedServiceProviders() {
        Path services = Repo.ROOT.resolve("shared/src/main/resources/META-INF/services");
        if (!Files.isDirectory(services)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(services)) {
            return files.flatMap(file -> Repo.read(file).lines()).map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(className -> Repo.SHARED_SOURCES.resolve(className.replace('.', '/') + ".java"))
                    .filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavaSources ofFunction(String module) {
        return of(Repo.functionSources(module));
    }

    private static JavaSources withSharedClassesReached(Collection<Path> roots) {
        Map<String, Path> shared = new LinkedHashMap<>();
        for (Path file : Repo.javaFiles(Repo.SHARED_SOURCES)) {
            String relative = Repo.SHARED_SOURCES.relativize(file).toString();
            shared.put(relative.substring(0, relative.length() - ".java".length()).replace('/', '.'), file);
        }
        Map<Path, String> reached = new LinkedHashMap<>();
        Deque<Path> queue = new ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            Path file = queue.pop();
            if (reached.containsKey(file)) {
                continue;
            }
            String source = Repo.read(file);
            reached.put(file, source);
            queue.addAll(sharedClassesNamedIn(source, shared));
        }
        return new JavaSources(reached);
    }

    private static Set<Path> sharedClassesNamedIn(String source, Map<String, Path> shared) {
        Set<Path> named = new LinkedHashSet<>();
        Set<String> visiblePackages = new LinkedHashSet<>();
        Matcher pkg = PACKAGE.matcher(source);
        if (pkg.find()) {
            visiblePackages.add(pkg.group(1));
        }
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String imported = imports.group(1);
            shared.forEach((className, file) -> {
                if (className.equals(imported) || className.startsWith(imported + ".")) {
                    named.add(file);
                }
            });
            visiblePackages.add(imported);
        }
        shared.forEach((className, file) -> {
            int dot = className.lastIndexOf('.');
            String simpleName = className.substring(dot + 1);
            if (visiblePackages.contains(className.substring(0, dot))
                    && Pattern.compile("\\b" + simpleName + "\\b").matcher(source).find()) {
                named.add(file);
            }
        });
        return named;
    }

    /** String constants ({@code static final String NAME = "value";}) by simple and by Class.NAME name. */
    Map<String, String> stringConstants() {
        Pattern constant = Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");
        Map<String, String> constants = new LinkedHashMap<>();
        files.forEach((file, source) -> {
            String className = file.getFileName().toString().replace(".java", "");
            Matcher matcher = constant.matcher(source);
            while (matcher.find()) {
                constants.putIfAbsent(matcher.group(1), matcher.group(2));
                constants.put(className + "." + matcher.group(1), matcher.group(2));
            }
        });
        return constants;
    }

    /** Every match of the pattern, with its groups (group 1 first) and the file it is in. */
    List<Found> find(Pattern pattern) {
        List<Found> found = new ArrayList<>();
        files.forEach((file, source) -> {
            Matcher matcher = pattern.matcher(source);
            while (matcher.find()) {
                List<String> groups = new ArrayList<>();
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    groups.add(matcher.group(group));
                }
                found.add(new Found(groups, file));
            }
        });
        return found;
    }

    record Found(List<String> groups, Path file) {
        String text() {
            return groups.get(0);
        }

        String where() {
            return Repo.ROOT.relativize(file).toString();
        }
    }
}
