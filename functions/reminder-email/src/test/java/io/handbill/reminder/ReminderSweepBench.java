package io.handbill.reminder;

import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.SendRate;
import io.handbill.mail.SesMailSender;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.testkit.EmbeddedAws;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.SentEmail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.handbill.fixtures.Fixtures.SITE;

/**
 * 10,000 confirmed subscribers and one event whose 7-day reminder is due, on dynalite and the SES stub. The sweep
 * dies halfway (a crash injected after the 5,000th claim, and in a second round after SES accepted the 5,000th
 * message), and the next ticks resume it. Prints SES calls, wall time, peak heap and duplicates per round. A last
 * round publishes six new events at once and dies after SES accepted half the digests: one mail per subscriber
 * instead of six, and each announcement in exactly one of them.
 *
 * <p>{@code mvn -B -o -pl functions/reminder-email -am -Pbench -DskipTests package}
 * ({@code -Dbench.subscribers=N} for another list size).
 */
public final class ReminderSweepBench {
    private static final byte[] SECRET = "benchmark-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final Pattern TO = Pattern.compile("^To: (.+)$", Pattern.MULTILINE);
    private static final Pattern MESSAGE_ID = Pattern.compile("^Message-ID: (.+)$", Pattern.MULTILINE);
    private static final int DIGEST_EVENTS = 6;

    private ReminderSweepBench() {
    }

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.getInteger("bench.subscribers", 10_000);
        try (EmbeddedAws emulators = EmbeddedAws.start(null)) {
            LocalAws aws = LocalAws.on(emulators, LocalAws.TABLE, LocalAws.BUCKET);
            System.out.printf("Reminder sweep benchmark: %,d confirmed subscribers, one event due, crash halfway%n",
                    subscribers);
            for (String crashStep : List.of("claim", "send")) {
                aws.reset();
                round(aws, subscribers, crashStep);
            }
            aws.reset();
            digestRound(aws, subscribers);
        }
    }

    private static void round(LocalAws aws, int count, String crashStep) throws Exception {
        var clock = new TestClock(T0);
        var store = new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName());
        long seedStart = System.nanoTime();
        seed(store, count);
        givenDueEvent(aws);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        var ledger = new DynamoDbReminderLedger(aws.dynamoDb(), aws.tableName());
        var sender = new Crashes.RecordingSender(new SesMailSender(aws.sesV2(), null, new SendRate(100_000)),
                crashStep.equals("send") ? count / 2 : 0);
        ReminderLedger crashing = crashStep.equals("send") ? ledger
                : Crashes.ledgerCrashingAfter(ledger, "claim", count / 2);
        var settings = new ReminderSettings(List.of(Duration.ofDays(7), Duration.ofHours(24)), false,
                "events@example.org");
        var mail = new ReminderMail(SITE, "events@example.org", new SubscriberTokens(SECRET), clock);

        // the tick before the window, so the next one finds it due
        new ReminderSweep(aws.eventStore(), store, ledger, mail, sender, settings, clock).run(() -> true);
        clock.advance(Duration.ofMinutes(15));

        var heap = new HeapSampler();
        heap.start();
        long start = System.nanoTime();
        String crashed = "no crash";
        try {
            new ReminderSweep(aws.eventStore(), store, crashing, mail, sender, settings, clock).run(() -> true);
        } catch (Crashes.SimulatedCrash e) {
            crashed = e.getMessage();
        }
        double crashedRun = (System.nanoTime() - start) / 1e9;
        long callsBeforeCrash = sender.attempts();

        clock.advance(Duration.ofMinutes(15));
        long resume = System.nanoTime();
        SweepState resumed = new ReminderSweep(aws.eventStore(), store, ledger, mail, sender, settings, clock)
                .run(() -> true);
        clock.advance(LedgerGuardedSend.CLAIM_LEASE);
        SweepState afterLease = new ReminderSweep(aws.eventStore(), store, ledger, mail, sender, settings, clock)
                .run(() -> true);
        double resumedRuns = (System.nanoTime() - resume) / 1e9;
        heap.stopSampling();

        Outbox outbox = Outbox.read(aws.sentEmails());
        System.out.printf("%nRound: crash after %s #%,d (%s)%n", crashStep, count / 2, crashed);
        System.out.printf("  seeding %,d subscribers: %.1f s%n", count, seedSeconds);
        System.out.printf("  run 1 (dies): %.1f s, %,d SES calls%n", crashedRun, callsBeforeCrash);
        System.out.printf("  runs 2+3 (resume, then after the %d-min claim lease): %.1f s, %,d + %,d sent, outcome %s%n",
                LedgerGuardedSend.CLAIM_LEASE.toMinutes(), resumedRuns, resumed.sent(), afterLease.sent(),
                afterLease.outcome());
        System.out.printf("  SES calls total: %,d for %,d subscribers; messages in outbox: %,d%n", sender.attempts(),
                count, outbox.messages);
        System.out.printf("  subscribers reached: %,d; missing: %,d%n", outbox.recipients(), count - outbox.recipients());
        System.out.printf("  duplicates: %,d extra deliveries (%,d of them a repeat of the same Message-ID), "
                + "%,d subscribers with two different messages%n", outbox.messages - outbox.recipients(),
                outbox.sameIdRepeats, outbox.recipientsWithTwoIds);
        System.out.printf("  throughput: %.0f mails/s over all runs; peak heap used: %,d MB (max heap %,d MB)%n",
                outbox.messages / (crashedRun + resumedRuns), heap.peak() / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static void digestRound(LocalAws aws, int count) throws Exception {
        var clock = new TestClock(T0);
        var store = new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName());
        seed(store, count);
        ZoneId london = ZoneId.of("Europe/London");
        for (int n = 1; n <= DIGEST_EVENTS; n++) {
            LocalDateTime start = LocalDateTime.ofInstant(T0.plus(Duration.ofDays(20 + n)), london);
            aws.eventStore().create(Events.published("new-" + n, Drafts.seed().slug("new-" + n).start(start)
                    .end(start.plusHours(3)).timeZone(london.getId()).aliases(List.of()), T0.minusSeconds(n)));
        }
        var ledger = new DynamoDbReminderLedger(aws.dynamoDb(), aws.tableName());
        var sender = new Crashes.RecordingSender(new SesMailSender(aws.sesV2(), null, new SendRate(100_000)),
                count / 2);
        var settings = new ReminderSettings(List.of(Duration.ofDays(7)), true, "events@example.org");
        var mail = new ReminderMail(SITE, "events@example.org", new SubscriberTokens(SECRET), clock);

        long start = System.nanoTime();
        try {
            new ReminderSweep(aws.eventStore(), store, ledger, mail, sender, settings, clock).run(() -> true);
        } catch (Crashes.SimulatedCrash e) {
            // the next ticks resume
        }
        clock.advance(Duration.ofMinutes(15));
        new ReminderSweep(aws.eventStore(), store, ledger, mail, sender, settings, clock).run(() -> true);
        clock.advance(LedgerGuardedSend.CLAIM_LEASE);
        new ReminderSweep(aws.eventStore(), store, ledger, mail, sender, settings, clock).run(() -> true);
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Set<String>> idsPerAnnouncement = ParsedMail.messageIdsByRecipientAndEvent(aws.sentEmails());
        Set<String> mails = new HashSet<>();
        idsPerAnnouncement.values().forEach(mails::addAll);
        long expected = (long) count * DIGEST_EVENTS;
        System.out.printf("%nRound: %d new events at once, crash after SES accepted digest #%,d%n", DIGEST_EVENTS,
                count / 2);
        System.out.printf("  %,d announcements (%d per subscriber) in %,d mails (%,d SES calls) in %.1f s; "
                        + "one mail per event would be %,d mails%n", idsPerAnnouncement.size(), DIGEST_EVENTS,
                mails.size(), sender.attempts(), seconds, expected);
        System.out.printf("  lost: %,d; in two different mails: %,d%n", expected - idsPerAnnouncement.size(),
                idsPerAnnouncement.values().stream().filter(ids -> ids.size() > 1).count());
    }

    private static void seed(DynamoDbSubscriberStore store, int count) throws InterruptedException {
        Instant confirmedAt = T0.minus(Duration.ofDays(2));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        IntStream.range(0, count).forEach(i -> pool.submit(() ->
                store.create(Subscriber.pending(String.format("reader%05d@example.org", i), confirmedAt)
                        .confirm(confirmedAt))));
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Seeding took too long");
        }
    }

    private static void givenDueEvent(LocalAws aws) {
        ZoneId london = ZoneId.of("Europe/London");
        LocalDateTime start = LocalDateTime.ofInstant(T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)), london);
        aws.eventStore().create(Events.published("bench-event", Drafts.seed().slug("bench").start(start)
                .end(start.plusHours(3)).timeZone(london.getId()).aliases(List.of()), T0.minus(Duration.ofDays(20))));
    }

    /** Who got what, from the raw messages' headers. */
    private record Outbox(int messages, Map<String, Set<String>> idsByRecipient, int sameIdRepeats,
                          int recipientsWithTwoIds) {
        static Outbox read(List<SentEmail> sent) {
            var ids = new HashMap<String, Set<String>>();
            var seen = new HashSet<String>();
            int repeats = 0;
            for (SentEmail email : sent) {
                String head = new String(email.raw(), 0, Math.min(email.raw().length, 4096), StandardCharsets.UTF_8)
                        .replace("\r\n", "\n");
                String to = group(TO.matcher(head));
                String id = group(MESSAGE_ID.matcher(head));
                if (!seen.add(to + " " + id)) {
                    repeats++;
                }
                ids.computeIfAbsent(to, k -> new HashSet<>()).add(id);
            }
            int twoIds = (int) ids.values().stream().filter(s -> s.size() > 1).count();
            return new Outbox(sent.size(), ids, repeats, twoIds);
        }

        int recipients() {
            return idsByRecipient.size();
        }

        private static String group(Matcher matcher) {
            if (!matcher.find()) {
                throw new IllegalStateException("Header missing in an outbox message");
            }
            return matcher.group(1).strip();
        }
    }

    /** Samples used heap every 20 ms; the peak includes garbage not yet collected, so it is an upper bound. */
    private static final class HeapSampler extends Thread {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime runtime = Runtime.getRuntime();
            while (running) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peak() {
            return peak.get();
        }

        void stopSampling() {
            running = false;
        }
    }
}
