package io.handbill.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * dynalite (the npm DynamoDB emulator) as a child process on a free loopback port. In memory, or persisted under a
 * directory. It has no transactions, TTL or Streams API, which is why the product uses single-item writes only.
 *
 * <p>The child dies with this JVM however it ends: it runs under a small watchdog that exits when our end of its
 * stdin closes (the kernel closes it even on SIGKILL). A persisted one also leaves its pid next to its directory,
 * so that a start on the same directory stops a leftover child first: leveldb allows one process per directory, and
 * a second dynalite on it answers nothing.
 */
public final class Dynalite implements AutoCloseable {
    private static final long READY_TIMEOUT_SECONDS = 20;
    private static final String WATCHDOG = watchdogScript();

    private final Process process;
    private final URI endpoint;
    private final Thread stopOnExit;
    private final Path pidFile;

    private Dynalite(Process process, int port, Path pidFile) {
        this.process = process;
        this.pidFile = pidFile;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.stopOnExit = new Thread(process::destroyForcibly, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts dynalite and waits until it listens.
     *
     * @param dataDir where to persist tables, or {@code null} to keep them in memory
     */
    public static Dynalite start(Path dataDir) {
        Path cli = NodeModules.locate().resolve("dynalite/cli.js");
        int port = FreePort.find();
        List<String> command = new ArrayList<>(List.of("node", "-e", WATCHDOG, cli.toString(), "--host",
                "127.0.0.1", "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"));
        Path pidFile = null;
        if (dataDir != null) {
            createDirectories(dataDir);
            command.addAll(List.of("--path", dataDir.toString()));
            pidFile = pidFile(dataDir);
            stopLeftover(pidFile, dataDir);
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run node (Node.js 18+ must be on PATH) to start dynalite", e);
        }
        if (pidFile != null) {
            writePid(pidFile, process.pid());
        }
        Dynalite dynalite = new Dynalite(process, port, pidFile);
        dynalite.awaitListening();
        return dynalite;
    }

    /** The operating-system process id of the dynalite child. */
    public long pid() {
        return process.pid();
    }

    /** Where a dynalite persisted in {@code dataDir} records its pid. */
    public static Path pidFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".pid");
    }

    /** Stops the dynalite a killed JVM left on this directory, if its watchdog has not stopped it already. */
    private static void stopLeftover(Path pidFile, Path dataDir) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().commandLine()
                            .map(c -> c.contains("dynalite") && c.contains(dataDir.toString())).orElse(false))
                    .ifPresent(Dynalite::stop);
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot read " + pidFile + "; delete it if no dynalite runs", e);
        }
    }

    private static void stop(ProcessHandle leftover) {
        leftover.destroy();
        try {
            leftover.onExit().get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            leftover.destroyForcibly();
            leftover.onExit().orTimeout(5, TimeUnit.SECONDS).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a leftover dynalite", e);
        }
    }

    private static void writePid(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, Long.toString(pid), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String watchdogScript() {
        try (var in = Dynalite.class.getResourceAsStream("dynalite-watchdog.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    private void awaitListening() {
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var output = new StringBuilder();
        var listening = new CompletableFuture<Void>();
        Thread pump = new Thread(() -> {
            try {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!listening.isDone()) {
                        output.append(line).append('\n');
                        if (line.contains("listening")) {
                            listening.complete(null);
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away; its exit is reported below
            }
            listening.completeExceptionally(new IllegalStateException("dynalite exited: " + output));
        }, "dynalite-output");
        pump.setDaemon(true);
        pump.start();
        try {
            listening.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("Interrupted while starting dynalite", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("dynalite did not start: " + output, e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway and finds the process gone
        }
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // a stale pid file is harmless: the next start finds no dynalite behind it
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
