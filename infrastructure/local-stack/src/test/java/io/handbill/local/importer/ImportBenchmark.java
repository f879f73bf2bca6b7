package io.handbill.local.importer;

import io.handbill.local.importer.post.EventPostParser;
import io.handbill.local.importer.post.HugoPostReader;
import io.handbill.testkit.EmbeddedAws;
import io.handbill.testkit.LocalAws;
import io.handbill.validation.EventDraftValidator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Prints how fast posts are parsed, and imported over HTTP into the real event-api handler on dynalite (first import,
 * then a re-import that changes nothing). Numbers only, no assertions. Run from the repository root:
 * <pre>
 * mvn -B -q -o -pl infrastructure/local-stack -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * cd infrastructure/local-stack &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/test-classpath.txt) \
 *     io.handbill.local.importer.ImportBenchmark
 * </pre>
 */
final class ImportBenchmark {
    private static final Path SEED = ImportCommandTest.CONTENT.resolve("post/2017-09-26-leeds-devops-meetup.md");
    private static final int PARSE_WARMUP = 300;
    private static final int PARSE_RUNS = 2_000;
    private static final int POSTS = 200;
    private static final String TOKEN = "benchmark-token";

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        parsing();
        importing();
    }

    private static void parsing() throws Exception {
        String seed = Files.readString(SEED);
        HugoPostReader reader = new HugoPostReader();
        EventPostParser parser = new EventPostParser(ZoneId.of("Europe/London"));
        long first = System.nanoTime();
        EventDraftValidator.validate(parser.parse(reader.read(SEED, seed)).draft());
        long firstNanos = System.nanoTime() - first;
        for (int i = 0; i < PARSE_WARMUP; i++) {
            parser.parse(reader.read(SEED, seed));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < PARSE_RUNS; i++) {
            EventDraftValidator.validate(parser.parse(reader.read(SEED, seed)).draft());
        }
        double wallMicros = (System.nanoTime() - start) / 1_000.0 / PARSE_RUNS;
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000.0 / PARSE_RUNS;
        // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours
        System.out.printf(Locale.ROOT, "parse seed post (read + parse + validate): first %.0f ms (cold JVM), then "
                + "%.0f µs wall / %.0f µs CPU per post (%.0f posts/s wall)%n",
                firstNanos / 1e6, wallMicros, cpuMicros, 1e6 / wallMicros);
    }

    private static void importing() throws Exception {
        Path content = Files.createTempDirectory("handbill-import-bench");
        writePosts(content);
        try (EmbeddedAws emulators = EmbeddedAws.start(null)) {
            LocalAws aws = LocalAws.on(emulators, LocalAws.TABLE, LocalAws.BUCKET);
            try (EventApiOverHttp api = EventApiOverHttp.start(aws, Clock.systemUTC(), TOKEN)) {
                timeImport("first import (create + publish)", api, content);
                timeImport("re-import (all unchanged)", api, content);
            }
        }
    }

    private static void timeImport(String what, EventApiOverHttp api, Path content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int status = ImportCommand.run(new String[]{"--api", api.apiUrl().toString(), "--token", TOKEN,
                content.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
        double seconds = (System.nanoTime() - start) / 1e9;
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        System.out.printf(Locale.ROOT, "%s of %d posts over HTTP into dynalite: %.2f s, %.1f ms per post "
                + "(exit %d; %s)%n", what, POSTS, seconds, seconds * 1000 / POSTS, status, lines[lines.length - 1]);
    }

    /** The seed post, once a week from its date on, each with its own title date, slug and old link. */
    private static void writePosts(Path content) throws Exception {
        String seed = Files.readString(SEED);
        DateTimeFormatter titleDate = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
        for (int i = 0; i < POSTS; i++) {
            LocalDate day = LocalDate.of(2017, 9, 26).plusWeeks(i);
            String post = seed.replace("Tuesday 26th September 2017", titleDate.format(day))
                    .replace("/post/165145694230/", "/post/" + (165145694230L + i) + "/");
            Files.writeString(content.resolve(day + "-leeds-devops-meetup.md"), post);
        }
    }
}
