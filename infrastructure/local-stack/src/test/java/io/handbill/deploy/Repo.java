package io.handbill.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The checked-out repository these tests run in: found by walking up from the module directory to template.yaml. */
final class Repo {
    static final Path ROOT = findRoot();
    static final Path TEMPLATE = ROOT.resolve("template.yaml");
    static final Path SHARED_SOURCES = ROOT.resolve("shared/src/main/java");
    static final Path LOCAL_STACK_SOURCES = ROOT.resolve("infrastructure/local-stack/src/main/java");
    static final Path LOCAL_STACK_CLASSES = ROOT.resolve("infrastructure/local-stack/target/classes");

    private Repo() {
    }

    /** The module directories under functions/, each one deployable function. */
    static List<String> functionModules() {
        try (Stream<Path> dirs = Files.list(ROOT.resolve("functions"))) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path functionModule(String module) {
        return ROOT.resolve("functions").resolve(module);
    }

    static Path functionSources(String module) {
        return functionModule(module).resolve("src/main/java");
    }

    /** A function module has landed once it has main sources; until then its checks report it instead of passing. */
    static boolean hasLanded(String module) {
        return !javaFiles(functionSources(module)).isEmpty();
    }

    static List<Path> javaFiles(Path sourceRoot) {
        if (!Files.isDirectory(sourceRoot)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No template.yaml above " + Path.of("").toAbsolutePath());
    }
}
