package io.handbill.sync;

import io.handbill.api.ServiceEventsApi;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.SendRate;
import io.handbill.mail.SesMailSender;
import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.reminder.DynamoDbReminderLedger;
import io.handbill.reminder.ReminderMail;
import io.handbill.reminder.ReminderSettings;
import io.handbill.reminder.ReminderSweep;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.EventListing;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.sync.ics.FeedSource;
import io.handbill.testkit.FaultInjector;
import io.handbill.testkit.FaultInjector.Call;
import io.handbill.testkit.FaultInjector.Fault;
import io.handbill.testkit.FaultTally;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import io.handbill.testkit.SentEmail;
import jakarta.mail.internet.MimeMessage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.handbill.fixtures.Fixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily feed sync under injected faults. The group's feed (served by a {@link FlakyFeedServer}) was synced
 * once and its events announced; the feed then moves one event, keeps one and adds one. That second sync meets, in
 * turn, every DynamoDB write it makes (by its place among the writes: the sync makes them one after the other) and
 * its first read of each kind under every kind of fault, met by the SDK's retry (once) or by the sync itself (every
 * attempt), and every way a feed host fails. A failed run is retried as Lambda retries a scheduled invocation, and
 * the reminder sweep runs after every run, as its 15-minute schedule would. Outcome: every feed event exists once by
 * its UID, with the feed's times and status — none lost, none duplicated, none half-applied (an event written
 * without the site version that tells calendar apps it changed) — and each subscriber gets one change mail.
 */
@ExtendWith(LocalAwsExtension.class)
class FeedSync_FaultsIT {
    /** Short, so that a feed host that never answers costs little; long enough for a loaded machine's loopback. */
    private static final Duration FEED_TIMEOUT = Duration.ofSeconds(2);
    /** The first run and Lambda's two retries of a failed asynchronous invocation. */
    private static final int RUNS = 3;
    private static final Set<String> FAULTED_WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem");
    private static final Set<String> FAULTED_READS = Set.of("GetItem", "Query");
    private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> READERS = List.of("ann@example.org", "bob@example.org");
    private static final byte[] SECRET = "integration-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);

    private static final String MOVED = "moved@meetup.com";
    private static final String KEPT = "kept@meetup.com";
    private static final String ADDED = "added@meetup.com";
    private static final LocalDateTime MOVED_FROM = LocalDateTime.parse("2026-12-08T18:30");
    private static final LocalDateTime MOVED_TO = LocalDateTime.parse("2026-12-08T19:30");
    private static final String BEFORE = feed(event(MOVED, "Winter talks", MOVED_FROM),
            event(KEPT, "New year social", LocalDateTime.parse("2027-01-12T18:30")));
    private static final String AFTER = feed(event(MOVED, "Winter talks", MOVED_TO),
            event(KEPT, "New year social", LocalDateTime.parse("2027-01-12T18:30")),
            event(ADDED, "Spring workshop", LocalDateTime.parse("2027-03-09T18:00")));

    private static final FaultTally TALLY = new FaultTally("feed-sync", "cases", "failed runs retried", "lost",
            "duplicated", "half-applied events", "duplicate change mails");
    private static FlakyFeedServer host;

    private final TestClock clock = new TestClock(NOW);
    private LocalAws aws;

    @BeforeAll
    static void feedHost() throws Exception {
        host = new FlakyFeedServer();
    }

    @BeforeEach
    void emulators(LocalAws aws) {
        this.aws = aws;
    }

    @AfterAll
    static void report() throws Exception {
        host.close();
        System.out.println(TALLY.line());
    }

    @TestFactory
    Stream<DynamicContainer> everyCallOfASync_andEveryFeedFailure_endWithEachEventOnce_andOneChangeMail() {
        List<Call> calls = callsOfTheSecondSync();
        assertThat(calls).extracting(Call::operation).contains("PutItem", "UpdateItem", "GetItem", "Query");
        List<DynamicTest> dynamo = new ArrayList<>();
        for (Call call : calls) {
            for (Fault fault : Fault.values()) {
                for (int times : new int[]{1, LocalAws.FaultyClients.ATTEMPTS}) {
                    dynamo.add(DynamicTest.dynamicTest(call + " " + fault + " x" + times, () -> {
                        prepare();
                        var faults = new FaultInjector().inject(fault, call, times);
                        syncUnder(faults);
                        assertThat(faults.injected()).as("faults injected")
                                .containsEntry(call.operation() + " " + fault, times);
                        TALLY.injectedBy(faults);
                    }));
                }
            }
        }
        List<DynamicTest> feed = new ArrayList<>();
        for (FlakyFeedServer.Failure failure : FlakyFeedServer.Failure.values()) {
            for (int times : new int[]{1, RUNS - 1}) {
                feed.add(DynamicTest.dynamicTest("feed " + failure + " x" + times, () -> {
                    prepare();
                    host.fail(failure, times);
                    int before = host.requests();
                    syncUnder(new FaultInjector());
                    assertThat(host.requests() - before).as("feed requests").isGreaterThan(times);
                    TALLY.injected("feed GET " + failure, times);
                }));
            }
        }
        return Stream.of(DynamicContainer.dynamicContainer("DynamoDB", dynamo),
                DynamicContainer.dynamicContainer("feed host", feed));
    }

    /**
     * Runs the second sync on clients behind {@code faults} as Lambda would (retried while it fails), the sweep
     * after each run, and checks the outcome.
     */
    private void syncUnder(FaultInjector faults) throws Exception {
        Map<String, Event> before = byUid();
        FeedSync sync = sync(faults, FEED_TIMEOUT);
        List<String> errors = new ArrayList<>();
        FeedSync.Result result = null;
        for (int run = 1; run <= RUNS && (result == null || !result.outcome().equals("SYNCED")); run++) {
            try {
                result = sync.run();
            } catch (RuntimeException failed) {
                errors.add(String.valueOf(failed.getMessage()));
                TALLY.add("failed runs retried", 1);
                if (String.valueOf(failed.getMessage()).endsWith("nothing changed")) {
                    assertThat(byUid()).as("a run that says nothing changed").isEqualTo(before);
                }
            }
            sweep();
            clock.advance(Duration.ofMinutes(15));
        }
        TALLY.add("cases", 1);
        Map<String, Event> after = byUid();
        int lost = (int) Stream.of(MOVED, KEPT, ADDED).filter(uid -> !after.containsKey(uid)).count();
        int duplicated = stored().size() - after.size();
        List<String> halfApplied = halfApplied(after);
        int duplicateMails = changeMailsByReader().values().stream().mapToInt(n -> Math.max(0, n - 1)).sum();
        TALLY.add("lost", lost);
        TALLY.add("duplicated", duplicated);
        TALLY.add("half-applied events", halfApplied.size());
        TALLY.add("duplicate change mails", duplicateMails);

        assertThat(result).as("the last run, after " + errors).isNotNull()
                .extracting(FeedSync.Result::outcome).isEqualTo("SYNCED");
        assertThat(errors).as("errors name what failed").allSatisfy(e -> assertThat(e).isNotBlank());
        assertThat(lost).as("feed events lost").isZero();
        assertThat(duplicated).as("events duplicated").isZero();
        assertThat(halfApplied).as("half-applied").isEmpty();
        assertThat(changeMailsByReader()).as("change mails per reader")
                .isEqualTo(READERS.stream().collect(Collectors.toMap(r -> r, r -> 1, (a, b) -> a, TreeMap::new)));
    }

    /** Empties the emulators, syncs the first feed cleanly, confirms the readers and lets the sweep see it all. */
    private void prepare() throws Exception {
        aws.reset();
        clock.set(NOW);
        host.serve(BEFORE);
        assertThat(sync(new FaultInjector(), Duration.ofSeconds(30)).run().outcome()).isEqualTo("SYNCED");
        var subscribers = new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName());
        for (String reader : READERS) {
            Subscriber pending = Subscriber.pending(reader, NOW.minus(Duration.ofDays(2)));
            subscribers.create(pending);
            subscribers.update(pending.confirm(NOW.minus(Duration.ofDays(2))));
        }
        sweep();
        assertThat(aws.sentEmails()).as("nothing to tell before the feed changes").isEmpty();
        clock.advance(Duration.ofHours(1));
        host.serve(AFTER);
    }

    /** The faulted calls of a clean second sync, in the order it makes them. */
    private List<Call> callsOfTheSecondSync() {
        try {
            prepare();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        var recorder = new FaultInjector();
        assertThat(sync(recorder, FEED_TIMEOUT).run().outcome()).isEqualTo("SYNCED");
        List<Call> calls = Call.of(recorder.attempts(), FAULTED_WRITES, FAULTED_READS, FeedSync_FaultsIT::kindOf);
        System.out.println("[faults] feed-sync: the second sync's calls broken in turn: " + calls);
        return calls;
    }

    /** "EVENT", "SLUG#…", "IDEMPOTENCY": what kind of item, without the generated ids that differ each run. */
    private static String kindOf(String target) {
        return target.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…").replaceAll("import-[0-9a-f]+", "import-…");
    }

    private FeedSync sync(FaultInjector faults, Duration feedTimeout) {
        var config = new FeedSyncConfig(aws.tableName(), host.url(), LONDON);
        var source = new FeedSource(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                feedTimeout);
        // time moves on within a run, as it does in Lambda, so that "changed after the site version" can be seen
        Clock ticking = new Clock() {
            @Override
            public Instant instant() {
                clock.advance(Duration.ofMillis(1));
                return clock.instant();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
        DynamoDbClient dynamo = aws.withFaults(faults).dynamoDb();
        return new FeedSync(config, source, ServiceEventsApi.onTable(dynamo, aws.tableName(), ticking),
                new DynamoDbEventStore(dynamo, aws.tableName()), ticking);
    }

    private void sweep() {
        new ReminderSweep(aws.eventStore(), new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName()),
                new DynamoDbReminderLedger(aws.dynamoDb(), aws.tableName()),
                new ReminderMail(SITE, "events@example.org", new SubscriberTokens(SECRET), clock),
                new SesMailSender(aws.sesV2(), null, new SendRate(1000)),
                new ReminderSettings(List.of(Duration.ofDays(7)), false, "events@example.org"), clock)
                .run(() -> true);
    }

    /** What of the feed is not as the feed has it, or is stored but not yet told to calendar apps. */
    private List<String> halfApplied(Map<String, Event> events) {
        List<String> wrong = new ArrayList<>();
        Map<String, LocalDateTime> starts = Map.of(MOVED, MOVED_TO, KEPT, LocalDateTime.parse("2027-01-12T18:30"),
                ADDED, LocalDateTime.parse("2027-03-09T18:00"));
        events.forEach((uid, event) -> {
            if (event.status() != EventStatus.PUBLISHED) {
                wrong.add(uid + " is " + event.status());
            }
            if (!event.start().equals(starts.get(uid))) {
                wrong.add(uid + " starts " + event.start());
            }
        });
        Instant told = aws.eventStore().siteVersion().updatedAt();
        events.values().stream().filter(e -> e.updatedAt().isAfter(told))
                .forEach(e -> wrong.add(e.imported().sourceUid() + " changed after the site version (" + told + ")"));
        return wrong;
    }

    private Map<String, Event> byUid() {
        return stored().stream().filter(e -> e.imported() != null)
                .collect(Collectors.toMap(e -> e.imported().sourceUid(), Function.identity(), (a, b) -> a,
                        TreeMap::new));
    }

    private List<Event> stored() {
        return aws.eventStore().list(new EventListing(null, EventListing.When.ALL, NOW, null, 100)).items();
    }

    private Map<String, Integer> changeMailsByReader() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (SentEmail sent : aws.sentEmails()) {
            var mail = new MimeMessage(null, new ByteArrayInputStream(sent.raw()));
            if (mail.getSubject().startsWith("Changed: ")) {
                counts.merge(mail.getHeader("To", ","), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String event(String uid, String title, LocalDateTime start) {
        String format = "yyyyMMdd'T'HHmmss";
        var f = java.time.format.DateTimeFormatter.ofPattern(format);
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/London:"
                + f.format(start) + "\r\nDTEND;TZID=Europe/London:" + f.format(start.plusHours(3))
                + "\r\nSTATUS:CONFIRMED\r\nSUMMARY:" + title + "\r\nDESCRIPTION:Talks\\, pizza and a friendly crowd."
                + "\r\nLOCATION:The ODI Node\\, Duke Street\\, Leeds\r\nEND:VEVENT\r\n";
    }

    private static String feed(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Meetup//RemoteApi//EN\r\nX-WR-CALNAME:Leeds DevOps\r\n"
                + String.join("", events) + "END:VCALENDAR\r\n";
    }
}
