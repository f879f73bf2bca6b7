package io.handbill.local.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.handbill.api.EventApiConfig;
import io.handbill.aws.Env;
import io.handbill.icsfeed.IcsFeedConfig;
import io.handbill.json.Json;
import io.handbill.local.LocalContext;
import io.handbill.local.StdoutLogger;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.reminder.ReminderEmailConfig;
import io.handbill.sync.FeedSyncConfig;
import io.handbill.render.PageRendererConfig;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.subscribe.SubscriptionsConfig;
import io.handbill.testkit.EmbeddedAws;
import io.handbill.testkit.LocalAws;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Cold-start benchmark: for each function jar under {@code functions/*&#47;target/}, starts fresh JVMs that build the
 * handler with its public no-arg constructor (reading the same environment variables as in AWS, pointed at the
 * local emulators) and serve one realistic request, and prints the wall time from process start to response next
 * to the same for a no-op handler (the floor), with the jar's size, for four JVM set-ups: default, C1 only
 * ({@code -XX:TieredStopAtLevel=1}), an AppCDS archive of the classes a first run loaded, and both.
 *
 * <p>Run from the repository root: {@code mvn -B -q -DskipTests -Pbench package}; {@code -Dbench.runs=N} sets the
 * runs per set-up (default 3), {@code -Dbench.root=DIR} measures the jars of another checkout,
 * {@code -Dbench.functions=page-renderer,ics-feed} only those, and {@code -Dbench.keep=true} keeps the child JVMs'
 * standard error and class-loading logs ({@code <function>.classes}) in the work directory it prints.
 * The emulators' state is reset and the seed event re-loaded before every run, so every run does the same work.
 */
public final class ColdStartBench {
    private static final String SEED_ID = "seed-2017-09-26";
    private static final String SEED_SLUG = "2017-09-26-leeds-devops-kubernetes-networking-and-nanoservices";
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final List<Target> FUNCTIONS = List.of(
            new Target("event-api", "io.handbill.api.EventApiHandler", "GET /api/events/{id}"),
            new Target("ics-feed", "io.handbill.icsfeed.IcsFeedHandler", "GET /calendar.ics"),
            new Target("subscriptions", "io.handbill.subscribe.SubscriptionsHandler", "POST /api/subscriptions"),
            new Target("page-renderer", "io.handbill.render.RenderPagesHandler", "stream MODIFY of the seed"),
            new Target("reminder-email", "io.handbill.reminder.SendRemindersHandler", "scheduled sweep"),
            new Target("feed-sync", "io.handbill.sync.SyncFeedHandler", "sync of a 12-event feed"));

    private final Path root;
    private final Path work;
    private final int runs;
    private final LocalAws aws;
    private final Path runnerJar;
    private final Path serializationJar;

    private ColdStartBench(Path root, Path work, int runs, LocalAws aws) throws IOException {
        this.root = root;
        this.work = work;
        this.runs = runs;
        this.aws = aws;
        this.runnerJar = writeRunnerJar(work.resolve("bench-runner.jar"));
        this.serializationJar = codeSource(LambdaEventSerializers.class);
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(System.getProperty("bench.runs", args.length > 0 ? args[0] : "3"));
        Path root = repositoryRoot();
        Path work = Files.createTempDirectory("handbill-bench-");
        try (EmbeddedAws emulators = EmbeddedAws.start(null)) {
            LocalAws aws = LocalAws.on(emulators, LocalAws.TABLE, LocalAws.BUCKET);
            if (new ColdStartBench(root, work, runs, aws).run() && !Boolean.getBoolean("bench.keep")) {
                deleteRecursively(work);
            } else if (Boolean.getBoolean("bench.keep")) {
                System.out.println("Child JVMs' standard error and class-loading logs: " + work);
            } else {
                System.out.println("Child JVMs' standard error: " + work);
            }
        }
    }

    /** @return whether every function answered */
    private boolean run() {
        List<String> only = List.of(System.getProperty("bench.functions", "").split(","));
        List<Target> present = FUNCTIONS.stream().filter(t -> Files.isRegularFile(t.jar(root)))
                .filter(t -> only.equals(List.of("")) || only.contains(t.name())).toList();
        if (present.isEmpty()) {
            System.out.println("No function jars under functions/*/target/: build them first (mvn -DskipTests package)");
            return true;
        }
        // the no-op reads an API Gateway request: it runs in the first jar that has those event types
        Target floorJar = FUNCTIONS.stream().filter(t -> Files.isRegularFile(t.jar(root))).findFirst().orElseThrow();
        Target floor = new Target(floorJar.name(), NoopHandler.class.getName(), "GET /api/events/{id}");
        List<Target> targets = concat(floor, present);
        Map<Target, Measurement> measured = new LinkedHashMap<>();
        Map<Target, String> failed = new LinkedHashMap<>();
        for (Target target : targets) {
            try {
                measured.put(target, measure(target, target == floor));
            } catch (HandlerFailedException e) {
                failed.put(target, e.getMessage());
            }
        }
        if (!measured.containsKey(floor)) {
            System.out.println("The no-op floor itself failed: " + failed.get(floor));
            return false;
        }
        targets = targets.stream().filter(measured::containsKey).toList();
        System.out.printf(Locale.ROOT, "Cold start of each function: a fresh JVM builds the handler and serves one request"
                + " against the local emulators. Median of %d runs; %s, %d cores, load average %.1f.%n", runs,
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        printTable("Wall time from process start to response (ms, × the floor)", targets, floor, measured,
                Measurement::wallMillis);
        printTable("CPU time of the child JVM up to the response (ms, × the floor); steadier than wall time on a busy"
                + " machine", targets, floor, measured, Measurement::cpuMillis);
        System.out.println("Targets: cold start ≤ 3× the floor, jar ≤ 12 MB. The floor is a no-op handler in the first"
                + " function's jar. classes: loaded up to the response (-Xlog:class+load), all / from the class path's"
                + " jars.");
        failed.forEach((target, why) -> System.out.printf(Locale.ROOT, "FAILED %-16s %.1f MB  %s%n", target.name(),
                megabytes(target.jar(root)), why));
        return failed.isEmpty();
    }

    /** Runs the set-ups in turn, round after round, so that a change in machine load spreads over all of them. */
    private Measurement measure(Target target, boolean isFloor) {
        Path archive = work.resolve(target.name() + (isFloor ? "-noop" : "") + ".jsa");
        Path classLog = work.resolve(target.name() + (isFloor ? "-noop" : "") + ".classes");
        invoke(target, List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:class+load=info:file=" + classLog), true);
        Map<JvmMode, List<Outcome>> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            for (JvmMode mode : JvmMode.values()) {
                outcomes.computeIfAbsent(mode, m -> new ArrayList<>()).add(invoke(target, mode.flags(archive), false));
            }
        }
        var wall = new LinkedHashMap<JvmMode, Long>();
        var cpu = new LinkedHashMap<JvmMode, Long>();
        outcomes.forEach((mode, list) -> {
            wall.put(mode, median(list.stream().map(Outcome::millis).toList()));
            cpu.put(mode, median(list.stream().map(Outcome::cpuMillis).toList()));
        });
        String response = outcomes.get(JvmMode.DEFAULT).get(0).response();
        return new Measurement(wall, cpu, response, ClassCount.of(classLog));
    }

    private void printTable(String title, List<Target> targets, Target floor, Map<Target, Measurement> measured,
                            Function<Measurement, Map<JvmMode, Long>> metric) {
        System.out.println();
        System.out.println(title);
        System.out.printf(Locale.ROOT, "%-16s %-26s %7s %11s %14s %14s %14s %14s  %s%n", "function", "request",
                "jar MB", "classes", "default", "C1", "AppCDS", "AppCDS+C1", "response");
        Map<JvmMode, Long> floorValues = metric.apply(measured.get(floor));
        for (Target target : targets) {
            Measurement m = measured.get(target);
            var cells = new ArrayList<String>();
            for (JvmMode mode : JvmMode.values()) {
                long value = metric.apply(m).get(mode);
                cells.add(target == floor ? Long.toString(value)
                        : String.format(Locale.ROOT, "%d (%.1f×)", value, value / (double) floorValues.get(mode)));
            }
            System.out.printf(Locale.ROOT, "%-16s %-26s %7.1f %11s %14s %14s %14s %14s  %s%n",
                    target == floor ? "no-op (floor)" : target.name(), target.request(), megabytes(target.jar(root)),
                    m.classes(), cells.get(0), cells.get(1), cells.get(2), cells.get(3), m.response());
        }
    }

    /** One cold start: a fresh JVM that constructs the handler and serves the target's request once. */
    private Outcome invoke(Target target, List<String> jvmFlags, boolean waitForExit) {
        resetAndSeed();
        Path event = eventFile(target);
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, target.jar(root).toString(),
                runnerJar.toString(), serializationJar.toString()), ColdStartRunner.class.getName(),
                target.handler(), event.toString()));
        Path stderr = work.resolve(target.name() + (target.handler().equals(NoopHandler.class.getName()) ? "-noop" : "")
                + ".stderr");
        var builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment());
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            String done = awaitDone(process, stderr);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (waitForExit) {
                process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            String[] fields = done.substring(ColdStartRunner.DONE.length()).trim().split(" ", 2);
            return new Outcome(millis, Long.parseLong(fields[0]), fields.length > 1 ? fields[1] : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            process.destroy();
        }
    }

    private String awaitDone(Process process, Path stderr) throws InterruptedException {
        var output = new StringBuilder();
        var done = CompletableFuture.supplyAsync(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith(ColdStartRunner.DONE)) {
                        return line;
                    }
                    output.append(line).append('\n');
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String line = done.get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (line != null) {
                return line;
            }
        } catch (ExecutionException | TimeoutException e) {
            // reported below
        }
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
        throw new HandlerFailedException(rootCause(stderr).orElse("no answer; its output: " + output));
    }

    /** The innermost "Caused by" (or the exception line) a failed child JVM printed. */
    private static Optional<String> rootCause(Path stderr) {
        try {
            return Files.readAllLines(stderr).stream()
                    .filter(line -> line.startsWith("Caused by: ") || line.startsWith("Exception in thread"))
                    .reduce((first, second) -> second);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A child JVM that did not answer: the function is reported as failed and the others still measured. */
    private static final class HandlerFailedException extends RuntimeException {
        HandlerFailedException(String message) {
            super(message);
        }
    }

    /** Every run starts from the same state: an empty table, bucket and outbox, then the seed and a coming event. */
    private void resetAndSeed() {
        aws.reset();
        DynamoDbEventStore store = aws.eventStore();
        EventDraft seed = seedDraft();
        Instant created = Instant.parse("2017-09-09T10:01:54Z");
        store.create(Event.create(SEED_ID, seed.withSlug(SEED_SLUG), created).publish(created));
        // an event a week ahead, so the reminder sweep and the feed have something upcoming to work on
        LocalDateTime start = LocalDate.now(ZoneId.of("Europe/London")).plusDays(7).atTime(LocalTime.of(18, 30));
        Duration length = Duration.between(seed.start(), seed.end());
        EventDraft next = seed.toBuilder().slug(start.toLocalDate() + "-leeds-devops").start(start)
                .end(start.plus(length)).agenda(List.of()).aliases(List.of()).build();
        Instant now = Instant.now();
        store.create(Event.create("upcoming-1", next, now).publish(now));
    }

    private EventDraft seedDraft() {
        try {
            return Json.read(Files.readString(root.resolve("shared/src/test/resources/fixtures/seed-event.json")),
                    EventDraft.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What template.yaml gives the functions, pointed at the emulators; unset settings keep their defaults. */
    private Map<String, String> environment() {
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", Env.processVariables().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("LANG", "C.UTF-8");
        env.putAll(aws.environment());
        env.put("SITE_URL", "http://localhost:8080");
        env.put("GROUP_NAME", "Leeds DevOps");
        env.put("ORGANISER_EMAIL", "organisers@example.org");
        env.put("SENDER_EMAIL", "events@example.org");
        env.put("SES_CONFIGURATION_SET", "handbill");
        env.put("HMAC_SECRET", "bench-only-secret-0123456789abcdef0123456789abcdef");
        env.put("SEND_RATE_PER_SECOND", "14");
        // the sync reads a file as it would a URL: the fixture in Meetup's shape
        env.put("FEED_URL", root.resolve("functions/feed-sync/src/test/resources/feeds/meetup-group.ics").toString());
        // the child JVMs parse it the same way: a missing or malformed variable fails here, once, by name
        EventApiConfig.from(env);
        IcsFeedConfig.from(env);
        SubscriptionsConfig.from(env);
        PageRendererConfig.from(env);
        ReminderEmailConfig.from(env);
        FeedSyncConfig.from(env);
        return env;
    }

    private Path eventFile(Target target) {
        String name = target.handler().equals(NoopHandler.class.getName()) ? "noop" : target.name();
        Path file = work.resolve(name + ".json");
        if (!Files.exists(file)) {
            try (InputStream in = ColdStartBench.class.getResourceAsStream(name + ".json")) {
                Files.copy(in, file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    /** The runner's few classes in a jar of their own: CDS archives only classes loaded from jars. */
    private static Path writeRunnerJar(Path jar) throws IOException {
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : List.of(ColdStartRunner.class, LocalContext.class, StdoutLogger.class,
                    NoopHandler.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = ColdStartBench.class.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path codeSource(Class<?> type) {
        try {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!jar.getFileName().toString().startsWith("aws-lambda-java-serialization")) {
                throw new IllegalStateException("Run the benchmark through Maven (mvn -Pbench ...): it needs the "
                        + "aws-lambda-java-serialization jar on its own, found " + jar);
            }
            return jar;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path repositoryRoot() {
        String configured = System.getProperty("bench.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("functions")) && Files.isDirectory(dir.resolve("infrastructure"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run the benchmark from the Handbill repository");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static List<Target> concat(Target first, List<Target> rest) {
        var all = new ArrayList<Target>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double megabytes(Path file) {
        try {
            return Files.size(file) / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A function under test: its module (and jar) name, handler class and the request it serves. */
    private record Target(String name, String handler, String request) {
        Path jar(Path root) {
            return root.resolve("functions").resolve(name).resolve("target").resolve(name + ".jar");
        }
    }

    private record Outcome(long millis, long cpuMillis, String response) {
    }

    private record Measurement(Map<JvmMode, Long> wallMillis, Map<JvmMode, Long> cpuMillis, String response,
                               ClassCount classes) {
    }

    /** Classes a cold start loaded up to its response ({@code -Xlog:class+load}): all, and those from the jar. */
    private record ClassCount(long total, long fromJar) {
        static ClassCount of(Path log) {
            try (var lines = Files.lines(log)) {
                List<String> loaded = lines.filter(l -> l.contains(" source: ")).toList();
                return new ClassCount(loaded.size(), loaded.stream().filter(l -> l.contains("source: file:")).count());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return total + "/" + fromJar;
        }
    }

    private enum JvmMode {
        DEFAULT, C1_ONLY, APP_CDS, APP_CDS_C1;

        boolean usesArchive() {
            return this == APP_CDS || this == APP_CDS_C1;
        }

        List<String> flags(Path archive) {
            var flags = new ArrayList<String>();
            if (usesArchive()) {
                flags.add("-XX:SharedArchiveFile=" + archive);
            }
            if (this == C1_ONLY || this == APP_CDS_C1) {
                flags.add("-XX:TieredStopAtLevel=1");
            }
            return flags;
        }
    }
}
