package io.handbill.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM configured only by environment variables, as Lambda configures a function: how the shaded-jar ITs
 * run a deployable jar alone. Standard output and error are merged into one log, read after the JVM exits — or,
 * for a JVM a test kills, written to a file of the test's choosing while it runs ({@link #start}).
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** How the child JVM ended; {@code finished} is false when it outlived the timeout and was killed. */
    public record Result(boolean finished, int exitValue, String log) {
    }

    /**
     * Starts a child JVM and leaves it running, its output appended to {@code log}: for tests that kill it.
     *
     * @param arguments everything after {@code java}
     */
    public static Process start(Map<String, String> environment, Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /**
     * @param environment added to this JVM's environment (e.g. {@link LocalAws#environment()} plus the function's)
     * @param arguments   everything after {@code java}: options, class path, main class or source file, arguments
     */
    public static Result run(Map<String, String> environment, Duration timeout, String... arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("child-jvm", ".log");
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            return new Result(finished, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
