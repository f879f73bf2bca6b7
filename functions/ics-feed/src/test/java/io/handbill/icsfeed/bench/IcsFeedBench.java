package io.handbill.icsfeed.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.handbill.fixtures.Fixtures;
import io.handbill.ical.IcsWriter;
import io.handbill.icsfeed.DynamoDbCalls;
import io.handbill.icsfeed.IcsFeedConfig;
import io.handbill.icsfeed.IcsFeedHandler;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.SiteConfig;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.Page;
import io.handbill.testkit.EmbeddedAws;
import io.handbill.testkit.LocalAws;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * The group feed with 500 events (the seed's agenda, talks and venue on 500 consecutive days, a tenth each in New
 * York and Berlin) on dynalite: generation time cold (first call in this fresh JVM) and warm, body size, the full
 * request, and the conditional request's DynamoDB calls and time. Prints numbers; asserts nothing.
 *
 * <p>Run: {@code mvn -B -o -pl functions/ics-feed -am -Pbench -DskipTests package}
 */
public final class IcsFeedBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int EVENTS = 500;
    private static final int WARM_RUNS = 30;
    private static final int CONDITIONAL_RUNS = 300;
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final SiteConfig SITE = new SiteConfig("https://events.leedsdevops.org.uk", "Leeds DevOps",
            "organisers@leedsdevops.org.uk");

    private IcsFeedBench() {
    }

    public static void main(String[] args) {
        try (EmbeddedAws emulators = EmbeddedAws.start(null)) {
            LocalAws aws = LocalAws.on(emulators, LocalAws.TABLE, LocalAws.BUCKET);
            var calls = DynamoDbCalls.counting();
            var store = new DynamoDbEventStore(calls.client(aws), aws.tableName());
            seed(store);
            var handler = new IcsFeedHandler(store, SITE, Clock.fixed(NOW, ZoneOffset.UTC),
                    IcsFeedConfig.DEFAULT_PAST_DAYS);

            List<Event> events = readFeedEvents(store);
            long coldStart = System.nanoTime();
            long coldCpuStart = THREADS.getCurrentThreadCpuTime();
            String cold = IcsWriter.calendar(SITE, events, IcsWriter.Method.PUBLISH);
            double coldCpuMs = (THREADS.getCurrentThreadCpuTime() - coldCpuStart) / 1e6;
            double coldMs = millisSince(coldStart);
            long warmCpuStart = THREADS.getCurrentThreadCpuTime();
            double[] warm = time(WARM_RUNS, () -> IcsWriter.calendar(SITE, events, IcsWriter.Method.PUBLISH));
            double warmCpuMs = (THREADS.getCurrentThreadCpuTime() - warmCpuStart) / 1e6 / WARM_RUNS;
            byte[] body = cold.getBytes(StandardCharsets.UTF_8);

            calls.clear();
            long fullCpuStart = THREADS.getCurrentThreadCpuTime();
            double[] full = time(WARM_RUNS, () -> handler.handleRequest(request(Map.of()), null));
            double fullCpuMs = (THREADS.getCurrentThreadCpuTime() - fullCpuStart) / 1e6 / WARM_RUNS;
            int fullCalls = calls.operations().size() / WARM_RUNS;
            String fullPattern = calls.countByOperation().toString();
            APIGatewayV2HTTPResponse ok = handler.handleRequest(request(Map.of()), null);
            String etag = ok.getHeaders().get("ETag");

            calls.clear();
            var statuses = new AtomicInteger();
            long conditionalCpuStart = THREADS.getCurrentThreadCpuTime();
            double[] conditional = time(CONDITIONAL_RUNS, () -> {
                APIGatewayV2HTTPResponse r = handler.handleRequest(request(Map.of("if-none-match", etag)), null);
                statuses.addAndGet(r.getStatusCode() == 304 ? 1 : 0);
                return r;
            });
            double conditionalCpuMs = (THREADS.getCurrentThreadCpuTime() - conditionalCpuStart) / 1e6
                    / CONDITIONAL_RUNS;

            System.out.printf(Locale.ROOT, "ics-feed benchmark: %d events in the feed (%s)%n", events.size(),
                    System.getProperty("java.vm.name") + " " + Runtime.version());
            System.out.printf(Locale.ROOT, "  machine: %d CPUs, load average %.1f (wall times suffer under load; CPU "
                    + "times less)%n", Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "  generation cold (first call in this JVM): %8.1f ms wall, %8.1f ms CPU%n",
                    coldMs, coldCpuMs);
            System.out.printf(Locale.ROOT, "  generation warm (%d runs): median %6.2f ms  p90 %6.2f ms wall, mean %6.2f ms "
                    + "CPU%n", WARM_RUNS, percentile(warm, 50), percentile(warm, 90), warmCpuMs);
            System.out.printf(Locale.ROOT, "  body: %,d bytes UTF-8, %,d bytes gzip, %,d lines%n", body.length,
                    gzip(body), cold.split("\r\n", -1).length - 1);
            System.out.printf(Locale.ROOT, "  GET 200 incl. DynamoDB (%d runs): median %6.2f ms  p90 %6.2f ms wall, mean "
                            + "%6.2f ms handler CPU, %d calls each (%s)%n", WARM_RUNS, percentile(full, 50),
                    percentile(full, 90), fullCpuMs, fullCalls, fullPattern);
            System.out.printf(Locale.ROOT, "  GET 304 If-None-Match (%d runs, %d were 304): median %5.2f ms  p99 %5.2f ms "
                            + "wall, mean %5.2f ms handler CPU, %.2f DynamoDB calls each %s%n", CONDITIONAL_RUNS,
                    statuses.get(), percentile(conditional, 50), percentile(conditional, 99), conditionalCpuMs,
                    calls.operations().size() / (double) CONDITIONAL_RUNS, calls.countByOperation());
        }
    }

    private static void seed(DynamoDbEventStore store) {
        EventDraft seed = Fixtures.seedDraft();
        LocalDate firstDay = LocalDate.ofInstant(NOW, ZoneOffset.UTC).minusDays(EVENTS / 5);
        for (int i = 0; i < EVENTS; i++) {
            String zone = i % 10 == 3 ? "America/New_York" : i % 10 == 7 ? "Europe/Berlin" : "Europe/London";
            long days = firstDay.toEpochDay() + i - seed.start().toLocalDate().toEpochDay();
            EventDraft draft = seed.movedBy(Duration.ofDays(days)).toBuilder().slug("bench-" + i)
                    .title(seed.title() + " #" + i).timeZone(zone).aliases(List.of()).build();
            store.create(Event.create("bench-" + i, draft, NOW).publish(NOW));
        }
        store.bumpSiteVersion(NOW);
    }

    private static List<Event> readFeedEvents(DynamoDbEventStore store) {
        var events = new ArrayList<Event>();
        String cursor = null;
        do {
            Page<Event> page = store.listPublic(NOW.minusSeconds(86400L * 365), Instant.parse("9999-01-01T00:00:00Z"),
                    cursor, 200);
            events.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return events;
    }

    private static APIGatewayV2HTTPEvent request(Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/apigw/calendar-get.json");
        var all = new HashMap<>(event.getHeaders());
        all.putAll(headers);
        event.setHeaders(all);
        return event;
    }

    private static double[] time(int runs, Supplier<?> work) {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = millisSince(start);
        }
        return millis;
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static int gzip(byte[] body) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
