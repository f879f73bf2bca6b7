package io.handbill.subscribe;

import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.MailSender;
import io.handbill.model.Event;
import io.handbill.model.RsvpSettings;
import io.handbill.model.SiteConfig;
import io.handbill.rsvp.Attendee;
import io.handbill.rsvp.AttendeeState;
import io.handbill.rsvp.DynamoDbRsvpStore;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.Page;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.testkit.EmbeddedAws;
import io.handbill.testkit.LocalAws;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 2,000 confirmations of one event with 500 places, 16 in flight, on dynalite: throughput, latency percentiles and
 * the final counts (exactly 500 GOING). Mails go to a counting sender, so this measures the claim path and its
 * ledger writes, not the SES stub. Not part of {@code mvn verify}:
 * {@code mvn -B -pl functions/subscriptions -am -Pbench -DskipTests package}.
 */
public final class RsvpBenchmark {
    private static final byte[] SECRET = "benchmark-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org", "Leeds DevOps",
            "organisers@example.org");

    private RsvpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int confirmations = Integer.getInteger("bench.confirmations", 2_000);
        int capacity = Integer.getInteger("bench.capacity", 500);
        int inFlight = Integer.getInteger("bench.inFlight", 16);
        try (EmbeddedAws emulators = EmbeddedAws.start(null)) {
            LocalAws aws = LocalAws.on(emulators, LocalAws.TABLE, LocalAws.BUCKET);
            var clock = new TestClock(Instant.parse("2017-09-20T10:00:00Z"));
            var events = new DynamoDbEventStore(aws.dynamoDb(), aws.tableName());
            var store = new DynamoDbRsvpStore(aws.dynamoDb(), aws.tableName());
            var tokens = new SubscriberTokens(SECRET);
            var mails = new AtomicInteger();
            MailSender counting = (to, raw) -> "m-" + mails.incrementAndGet();
            var service = new RsvpService(events, store, new RsvpMail(SITE, "events@example.org", clock),
                    new OptIn(tokens, new SubscribeLimits(new DynamoDbCooldownStore(aws.dynamoDb(), aws.tableName()),
                            SECRET), counting, clock));
            LocalDateTime start = LocalDateTime.parse("2017-09-26T18:00");
            Event event = Events.published("bench", Drafts.seed().slug("rsvp-bench").aliases(List.of()).start(start)
                    .end(start.plusHours(3)).rsvp(new RsvpSettings(true, capacity, null, null, null)));
            events.create(event);
            List<String> confirmTokens = PendingRsvps.write(service, store, tokens, clock, event, confirmations);
            System.out.printf("RSVP benchmark: %,d confirmations, %,d places, %d in flight (dynalite)%n",
                    confirmations, capacity, inFlight);
            long[] latencies = new long[confirmations];
            ExecutorService pool = Executors.newFixedThreadPool(inFlight);
            long began = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < confirmations; i++) {
                int n = i;
                done.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    service.confirm(confirmTokens.get(n));
                    latencies[n] = System.nanoTime() - t;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            pool.shutdown();
            Arrays.sort(latencies);
            Map<AttendeeState, Integer> states = new EnumMap<>(AttendeeState.class);
            String cursor = null;
            do {
                Page<Attendee> page = store.list(event.id(), cursor, 500);
                page.items().forEach(a -> states.merge(a.state(), 1, Integer::sum));
                cursor = page.nextCursor();
            } while (cursor != null);
            System.out.printf("  throughput %.0f confirmations/s (%.1f s)%n", confirmations / seconds, seconds);
            System.out.printf("  latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(latencies, 0.50),
                    ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
            System.out.printf("  states %s; counter going = %d; mails sent %d%n", states, store.going(event.id()),
                    mails.get());
            if (states.getOrDefault(AttendeeState.GOING, 0) != capacity || store.going(event.id()) != capacity) {
                throw new AssertionError("capacity not exactly filled: " + states);
            }
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
