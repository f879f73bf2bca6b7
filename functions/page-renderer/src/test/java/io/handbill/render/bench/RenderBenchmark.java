package io.handbill.render.bench;

import io.handbill.aws.AwsClients;
import io.handbill.model.Event;
import io.handbill.model.SiteConfig;
import io.handbill.render.BucketWriter;
import io.handbill.render.PageRenderer;
import io.handbill.render.PublicListing;
import io.handbill.render.SitePublisher;
import io.handbill.store.EventStore;
import io.handbill.testkit.AwsEndpoints;
import io.handbill.testkit.EmbeddedAws;
import io.handbill.testkit.LocalAws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Full rebuild and one-edit times for synthetic sites of 10, 100 and 1,000 published events, against dynalite and
 * S3Proxy; and, where {@code hugo} is installed, Hugo building the same 1,000 events. Prints numbers, asserts nothing.
 *
 * <p>Run: {@code mvn -B -Pbench -pl functions/page-renderer -am package -DskipTests}
 */
public final class RenderBenchmark {
    private static final Instant NOW = Instant.parse("2017-09-20T12:00:00Z");
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org", "Leeds DevOps",
            "organisers@example.org");
    private static final int EDITS = 7;

    private RenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10, 100, 1000);
        List<String> breakdown = new ArrayList<>();
        double ourRebuild1000 = 0;
        double ourEdit1000 = 0;
        try (EmbeddedAws emulators = EmbeddedAws.start(null)) {
            LocalAws aws = LocalAws.on(emulators, LocalAws.TABLE, LocalAws.BUCKET);
            System.out.printf("%-7s %12s %12s %12s %14s %12s %12s%n", "events", "objects", "rebuild ms",
                    "render ms", "edit ms (med)", "edit writes", "title writes");
            for (int size : sizes) {
                aws.reset();
                EventStore store = aws.eventStore();
                List<Event> events = SyntheticSite.events(size, NOW);
                events.forEach(store::create);
                PageRenderer renderer = new PageRenderer(SITE);
                SitePublisher publisher = new SitePublisher(store, new PublicListing(aws.dynamoDb(), aws.tableName()),
                        renderer,
                        new BucketWriter(s3(emulators), aws.bucketName()), Clock.fixed(NOW, ZoneOffset.UTC));

                publisher.rebuildAll(); // warm-up: JIT, connections
                long start = System.nanoTime();
                int objects = publisher.rebuildAll().written().size();
                double rebuild = millis(start);
                double render = renderOnly(renderer, events);

                Event edited = events.get(events.size() - 1);
                List<Double> editTimes = new ArrayList<>();
                List<Integer> editWrites = new ArrayList<>();
                for (int i = 0; i < EDITS; i++) {
                    Event current = store.get(edited.id()).orElseThrow();
                    store.update(current.edit(SyntheticSite.withDescription(current.draft(),
                            current.description() + "\n\nUpdate " + i + "."), NOW.plusSeconds(86_400L * (i + 1))));
                    long t = System.nanoTime();
                    editWrites.add(publisher.publish(List.of(edited.id())).written().size());
                    editTimes.add(millis(t));
                }
                Event current = store.get(edited.id()).orElseThrow();
                var d = current.draft();
                store.update(current.edit(d.toBuilder().title(d.title() + " (updated)").build(),
                        NOW.plusSeconds(86_400L * 30)));
                int titleWrites = publisher.publish(List.of(edited.id())).written().size();

                double edit = median(editTimes);
                long t = System.nanoTime();
                store.get(edited.id());
                double get = millis(t);
                t = System.nanoTime();
                int listed = new PublicListing(aws.dynamoDb(), aws.tableName()).read().orElseThrow().events().size();
                double list = millis(t);
                t = System.nanoTime();
                renderer.eventPages(edited);
                renderer.indexPages(events, NOW);
                renderer.feed(events);
                renderer.sitemap(events, 1);
                double renderEdit = millis(t);
                breakdown.add(String.format("%d events, one edit: get %.1f ms, read listing of %d events %.1f ms, "
                        + "render page+index+feed+sitemap %.1f ms, rest (HEAD/PUT) ~%.1f ms",
                        size, get, listed, list, renderEdit, edit - get - list - renderEdit));
                System.out.printf("%-7d %12d %12.0f %12.0f %14.1f %12s %12d%n", size, objects, rebuild, render, edit,
                        editWrites.stream().distinct().toList(), titleWrites);
                if (size == 1000) {
                    ourRebuild1000 = rebuild;
                    ourEdit1000 = edit;
                }
            }
        }
        breakdown.forEach(System.out::println);
        hugo(ourRebuild1000, ourEdit1000);
    }

    /** S3 with the SDK's standard retries (the test kit's client retries little, to fail fast in tests). */
    private static S3Client s3(EmbeddedAws emulators) {
        return S3Client.builder().httpClient(AwsClients.http()).region(Region.of(AwsEndpoints.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(AwsEndpoints.ACCESS_KEY, AwsEndpoints.SECRET_KEY)))
                .endpointOverride(emulators.endpoints().s3()).forcePathStyle(true).build();
    }

    /** Rendering alone, no I/O: how much of a rebuild is templates and Markdown. */
    private static double renderOnly(PageRenderer renderer, List<Event> events) {
        long start = System.nanoTime();
        events.forEach(renderer::eventPages);
        renderer.indexPages(events, NOW);
        renderer.feed(events);
        renderer.sitemap(events, 1);
        return millis(start);
    }

    private static void hugo(double ourRebuild, double ourEdit) throws IOException, InterruptedException {
        if (!onPath("hugo")) {
            System.out.println("hugo is not installed (apt-get install hugo): no comparison");
            return;
        }
        Path dir = Files.createTempDirectory("handbill-hugo-");
        HugoSite.write(dir, SyntheticSite.events(1000, NOW));
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path out = dir.resolve("public-" + i);
            long start = System.nanoTime();
            Process hugo = new ProcessBuilder("hugo", "--quiet", "--source", dir.toString(), "--destination",
                    out.toString()).inheritIO().start();
            if (!hugo.waitFor(5, TimeUnit.MINUTES) || hugo.exitValue() != 0) {
                System.out.println("hugo failed");
                return;
            }
            times.add(millis(start));
        }
        double hugoBuild = median(times.subList(1, times.size()));
        long pages;
        try (var files = Files.walk(dir.resolve("public-1"))) {
            pages = files.filter(p -> p.toString().endsWith(".html")).count();
        }
        System.out.printf("%nhugo %s, 1000 events: full build %.0f ms (median of 3 after one warm-up; %d HTML files)%n",
                version(), hugoBuild, pages);
        System.out.printf("handbill, 1000 events: full rebuild %.0f ms, one edit %.1f ms%n", ourRebuild, ourEdit);
        System.out.printf("hugo full build / handbill one edit  = %.1fx (target >= 20x)%n", hugoBuild / ourEdit);
        System.out.printf("hugo full build / handbill rebuild   = %.2fx (target >= 1x)%n", hugoBuild / ourRebuild);
    }

    private static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("hugo", "version").start();
        String text = new String(p.getInputStream().readAllBytes()).trim();
        p.waitFor();
        return text.split(" ").length > 1 ? text.split(" ")[1] : text;
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
