package io.handbill.render.bench;

import io.handbill.aws.AwsClients;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.render.BucketWriter;
import io.handbill.render.ListingEntries;
import io.handbill.render.PageRenderer;
import io.handbill.render.PublicListing;
import io.handbill.render.SiteObject;
import io.handbill.render.SitePublisher;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.DynamoDbSeriesStore;
import io.handbill.store.EventStore;
import io.handbill.testkit.AwsEndpoints;
import io.handbill.testkit.EmbeddedAws;
import io.handbill.testkit.EmbeddedS3;
import io.handbill.testkit.LocalAws;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.handbill.fixtures.Fixtures.SITE;

/**
 * Full rebuild and one-edit times for synthetic sites of 10, 100 and 1,000 published events against dynalite and
 * S3Proxy, with where the time goes; beside them the emulator's own floor (the same objects PUT in a plain loop) and,
 * where {@code hugo} is on the PATH, Hugo building the same events. Rebuilds, edits, floor and Hugo runs are
 * interleaved round by round, so that a change in machine load spreads over all of them. Prints numbers, asserts
 * nothing; the last line is the {@code RESULT} line other tools parse.
 *
 * <p>Run: {@code mvn -B -Pbench -pl functions/page-renderer -am package -DskipTests}; {@code -Dbench.sizes=10000}
 * measures other sizes (the RESULT line is for the largest), {@code -Dbench.runs=N} the rounds (at least 5).
 */
public final class RenderBenchmark {
    private static final Instant NOW = Instant.parse("2017-09-20T12:00:00Z");

    private final EmbeddedAws emulators;
    private final LocalAws aws;
    private final CallTimes calls = new CallTimes();
    private final S3Client s3;
    private final EventStore store;
    private final int runs;
    private static final String FLOOR_BUCKET = "handbill-floor";
    private static final boolean HUGO = onPath("hugo");

    private RenderBenchmark(EmbeddedAws emulators, int runs) {
        this.emulators = emulators;
        this.aws = LocalAws.on(emulators, LocalAws.TABLE, LocalAws.BUCKET);
        this.s3 = s3(emulators, calls);
        this.store = new DynamoDbEventStore(aws.dynamoDbWith(calls), aws.tableName());
        this.runs = runs;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "10,100,1000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int runs = Math.max(5, Integer.getInteger("bench.runs", 5));
        List<Size> measured = new ArrayList<>();
        try (EmbeddedAws emulators = EmbeddedAws.start(null)) {
            RenderBenchmark bench = new RenderBenchmark(emulators, runs);
            for (int size : sizes) {
                measured.add(bench.measure(size));
            }
        }
        System.out.printf(Locale.ROOT, "%nMedians of %d interleaved rounds; %s, %d cores, load average %.1f (1 min)"
                        + " at the end.%n", runs, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-7s %8s %11s %11s %12s %9s %9s %9s %10s %11s%n", "events", "objects",
                "rebuild ms", "empty-bkt", "PUT floor", "edit ms", "edit objs", "title objs", "hugo ms",
                "hugo/edit");
        for (Size s : measured) {
            System.out.printf(Locale.ROOT, "%-7d %8d %11.0f %11.0f %12.0f %9.1f %9d %9d %10s %11s%n", s.events,
                    s.objects, s.rebuild, s.emptyRebuild, s.floor, s.edit, s.editObjects, s.titleObjects,
                    Double.isNaN(s.hugo) ? "NA" : String.format(Locale.ROOT, "%.0f", s.hugo),
                    Double.isNaN(s.hugo) ? "NA" : String.format(Locale.ROOT, "%.1f×", s.hugo / s.edit));
        }
        System.out.println("rebuild: over an unchanged bucket; empty-bkt: into an empty bucket (every object written);"
                + " PUT floor: the same objects PUT by a plain loop with the writer's parallelism, no reads, no"
                + " rendering.");
        for (Size s : measured) {
            s.breakdown.forEach(line -> System.out.println(s.events + " events, " + line));
        }
        if (!HUGO) {
            System.out.println("hugo is not on the PATH (apt-get install hugo): hugo_ms=NA");
        }
        Size last = measured.get(measured.size() - 1);
        System.out.printf(Locale.ROOT, "RESULT events=%d edit_ms=%.1f rebuild_ms=%.0f hugo_ms=%s hugo_over_edit=%s"
                        + " hugo_over_rebuild=%s objects_per_edit=%d%n", last.events, last.edit, last.rebuild,
                Double.isNaN(last.hugo) ? "NA" : String.format(Locale.ROOT, "%.0f", last.hugo),
                Double.isNaN(last.hugo) ? "NA" : String.format(Locale.ROOT, "%.1f", last.hugo / last.edit),
                Double.isNaN(last.hugo) ? "NA" : String.format(Locale.ROOT, "%.2f", last.hugo / last.rebuild),
                last.editObjects);
    }

    private record Size(int events, int objects, double rebuild, double emptyRebuild, double floor, double edit,
                        int editObjects, int titleObjects, double hugo, List<String> breakdown) {
    }

    private Size measure(int size) throws Exception {
        aws.reset();
        List<Event> events = SyntheticSite.events(size, NOW);
        createAll(events);
        PageRenderer renderer = new PageRenderer(SITE);
        SitePublisher publisher = new SitePublisher(store,
                new DynamoDbSeriesStore(aws.dynamoDbWith(calls), aws.tableName()), new PublicListing(aws.dynamoDbWith(calls), aws.tableName()),
                renderer, new BucketWriter(s3, aws.bucketName()), Clock.fixed(NOW, ZoneOffset.UTC));
        Path hugoSite = null;
        if (HUGO) {
            hugoSite = Files.createTempDirectory("handbill-hugo-");
            HugoSite.write(hugoSite, events);
        }
        List<SiteObject> site = renderAll(renderer, events);

        // warm-up: JIT, connections, a full bucket, a listing
        publisher.rebuildAll();
        Event edited = events.get(events.size() - 1);
        int edits = 0;
        edit(publisher, edited.id(), edits++);
        floor(site);
        if (hugoSite != null) {
            hugo(hugoSite, 0);
        }

        List<Double> rebuilds = new ArrayList<>();
        List<Double> editTimes = new ArrayList<>();
        List<Double> floors = new ArrayList<>();
        List<Double> hugos = new ArrayList<>();
        List<Integer> editObjects = new ArrayList<>();
        String rebuildCalls = "";
        String editCalls = "";
        String editTimeline = "";
        for (int round = 1; round <= runs; round++) {
            calls.clear();
            long start = System.nanoTime();
            publisher.rebuildAll();
            rebuilds.add(millis(start));
            rebuildCalls = calls.summary();

            Event current = store.get(edited.id()).orElseThrow();
            store.update(current.edit(SyntheticSite.withDescription(current.draft(),
                    current.description() + "\n\nUpdate " + edits + "."), NOW.plusSeconds(86_400L * ++edits)));
            calls.clear();
            start = System.nanoTime();
            editObjects.add(publisher.publish(List.of(edited.id())).written().size());
            editTimes.add(millis(start));
            editTimeline = String.format(Locale.ROOT, "%s; done %.1f", calls.timeline(), editTimes.get(editTimes.size() - 1));
            editCalls = calls.summary();

            floors.add(floor(site));
            if (hugoSite != null) {
                hugos.add(hugo(hugoSite, round));
            }
        }
        int titleObjects = titleEdit(publisher, edited.id(), edits);

        emptyBucket();
        calls.clear();
        long start = System.nanoTime();
        int objects = publisher.rebuildAll().written().size();
        double emptyRebuild = millis(start);
        String emptyCalls = calls.summary();

        List<String> breakdown = new ArrayList<>();
        breakdown.add(String.format(Locale.ROOT, "rebuild calls (last round): %s", rebuildCalls));
        breakdown.add(String.format(Locale.ROOT, "rebuild into an empty bucket, calls: %s", emptyCalls));
        breakdown.add(String.format(Locale.ROOT, "rebuild work without I/O: render %s, hash (MD5 + SHA-256) of %d"
                        + " objects %.0f ms on 1 thread", renderTimes(renderer, events), site.size(), hashing(site)));
        breakdown.add(String.format(Locale.ROOT, "edit calls (last round): %s", editCalls));
        breakdown.add("edit timeline (last round, ms from its start): " + editTimeline);
        breakdown.add("edit work without I/O: " + editRender(renderer, events, edited));
        breakdown.add(String.format(Locale.ROOT, "edit objects written per round %s", editObjects));
        return new Size(size, objects, median(rebuilds), emptyRebuild, median(floors), median(editTimes),
                editObjects.get(editObjects.size() - 1), titleObjects, hugos.isEmpty() ? Double.NaN : median(hugos),
                breakdown);
    }

    private void createAll(List<Event> events) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            events.stream().map(e -> CompletableFuture.runAsync(() -> store.create(e), pool)).toList()
                    .forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
    }

    private void edit(SitePublisher publisher, String id, int n) {
        Event current = store.get(id).orElseThrow();
        store.update(current.edit(SyntheticSite.withDescription(current.draft(),
                current.description() + "\n\nWarm-up " + n + "."), NOW.plusSeconds(3_600L * (n + 1))));
        publisher.publish(List.of(id));
    }

    private int titleEdit(SitePublisher publisher, String id, int n) {
        Event current = store.get(id).orElseThrow();
        EventDraft d = current.draft();
        store.update(current.edit(d.toBuilder().title(d.title() + " (updated)").build(),
                NOW.plusSeconds(86_400L * (n + 1))));
        return publisher.publish(List.of(id)).written().size();
    }

    /** Every object of the site, rendered once: what the floor loop PUTs. */
    private static List<SiteObject> renderAll(PageRenderer renderer, List<Event> events) {
        List<SiteObject> site = new ArrayList<>();
        events.forEach(e -> site.addAll(renderer.eventPages(e)));
        List<SiteObject> index = renderer.indexPages(events, NOW);
        site.addAll(index);
        site.add(renderer.feed(events));
        site.add(renderer.sitemap(events, index.size()));
        site.addAll(renderer.furniture());
        return site;
    }

    /**
     * The emulator's floor: the same objects, headers and metadata PUT with the writer's parallelism into a bucket of
     * their own, nothing else.
     */
    private double floor(List<SiteObject> site) {
        if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(FLOOR_BUCKET))) {
            s3.createBucket(r -> r.bucket(FLOOR_BUCKET));
        }
        List<Map<String, String>> metadata = site.stream().map(o -> Map.of(BucketWriter.HASH, o.sha256())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(BucketWriter.parallelism());
        try {
            long start = System.nanoTime();
            IntStream.range(0, site.size()).mapToObj(i -> CompletableFuture.runAsync(() -> s3.putObject(r -> r
                    .bucket(FLOOR_BUCKET).key(site.get(i).key()).contentType(site.get(i).contentType())
                    .cacheControl(site.get(i).cacheControl()).metadata(metadata.get(i)),
                    RequestBody.fromBytes(site.get(i).body())), pool)).toList().forEach(CompletableFuture::join);
            return millis(start);
        } finally {
            pool.shutdown();
        }
    }

    private void emptyBucket() {
        List<ObjectIdentifier> keys = s3.listObjectsV2Paginator(r -> r.bucket(aws.bucketName())).contents().stream()
                .map(S3Object::key).map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        for (int i = 0; i < keys.size(); i += 1000) {
            List<ObjectIdentifier> batch = keys.subList(i, Math.min(keys.size(), i + 1000));
            s3.deleteObjects(r -> r.bucket(aws.bucketName()).delete(d -> d.objects(batch)));
        }
    }

    /** Rendering alone, no I/O, on one thread and on all cores: how much of a rebuild is templates and Markdown. */
    private static String renderTimes(PageRenderer renderer, List<Event> events) {
        long start = System.nanoTime();
        renderAll(renderer, events);
        double oneThread = millis(start);
        start = System.nanoTime();
        events.parallelStream().forEach(renderer::eventPages);
        renderer.indexPages(events, NOW);
        double parallel = millis(start);
        return String.format(Locale.ROOT, "%.0f ms on 1 thread, %.0f ms on %d", oneThread, parallel,
                Runtime.getRuntime().availableProcessors());
    }

    private static double hashing(List<SiteObject> site) throws Exception {
        long start = System.nanoTime();
        for (SiteObject o : site) {
            o.sha256();
            MessageDigest.getInstance("MD5").digest(o.body());
        }
        return millis(start);
    }

    /** The CPU work of one edit, piece by piece (median of 5 after warm-up). */
    private static String editRender(PageRenderer renderer, List<Event> events, Event edited) {
        List<Event> entries = ListingEntries.of(events);
        return String.format(Locale.ROOT, "event page %.1f ms, index views %.1f ms, feed %.1f ms, sitemap %.1f ms,"
                        + " listing JSON+gzip %.1f ms",
                cpu(() -> renderer.eventPages(edited)), cpu(() -> renderer.indexViews(entries, NOW)),
                cpu(() -> renderer.feed(entries).sha256()), cpu(() -> renderer.sitemap(entries, 40).sha256()),
                cpu(ListingEntries.encoding(entries)));
    }

    private static double cpu(Runnable work) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            work.run();
            times.add(millis(start));
        }
        return median(times.subList(5, 10));
    }

    /**
     * S3 as the function builds it ({@link AwsClients#s3Builder()}), with the SDK's standard retries (the test kit's
     * client retries little, to fail fast in tests).
     */
    private static S3Client s3(EmbeddedAws emulators, CallTimes calls) {
        // the function's builder; the emulator's S3 configuration (whole bodies, path style) on top of it
        return AwsEndpoints.at(emulators.endpoints().s3(), AwsClients.s3Builder())
                .serviceConfiguration(EmbeddedS3.clientConfiguration().toBuilder()
                        .expectContinueThresholdInBytes(AwsClients.EXPECT_CONTINUE_FROM).build())
                .overrideConfiguration(c -> c.addExecutionInterceptor(calls)).build();
    }

    private static double hugo(Path site, int round) throws IOException, InterruptedException {
        Path out = site.resolve("public-" + round);
        long start = System.nanoTime();
        Process hugo = new ProcessBuilder("hugo", "--quiet", "--source", site.toString(), "--destination",
                out.toString()).inheritIO().start();
        if (!hugo.waitFor(5, TimeUnit.MINUTES) || hugo.exitValue() != 0) {
            throw new IllegalStateException("hugo failed");
        }
        return millis(start);
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
