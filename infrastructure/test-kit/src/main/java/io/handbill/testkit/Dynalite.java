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
 */
public final class Dynalite implements AutoCloseable {
    private static final long READY_TIMEOUT_SECONDS = 20;

    private final Process process;
    private final URI endpoint;
    private final Thread stopOnExit;

    private Dynalite(Process process, int port) {
        this.process = process;
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
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"));
        if (dataDir != null) {
            createDirectories(dataDir);
            command.addAll(List.of("--path", dataDir.toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run node (Node.js 18+ must be on PATH) to start dynalite", e);
        }
        Dynalite dynalite = new Dynalite(process, port);
        dynalite.awaitListening();
        return dynalite;
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
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
