package io.handbill.reminder;

import io.handbill.fixtures.Fixtures;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.SendRate;
import io.handbill.mail.SesMailSender;
import io.handbill.model.Event;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.testkit.FaultInjector;
import io.handbill.testkit.FaultInjector.Fault;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsTest;
import io.handbill.testkit.SentEmail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static io.handbill.fixtures.Fixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder sweep under injected faults: the first of each kind of write a due tick makes (ledger claim, outcome,
 * cursor and job) and both of its SES sends, in turn, under each kind of fault, met by the SDK's retry (once) or, for
 * a connection dropped after the write applied, by the sweep itself (every attempt). Ticks then
 * go on every 15 minutes, as the schedule runs them. Two due ticks: a reminder, and a digest of three new events (with
 * a fourth published right after the faulted tick). Outcome: every confirmed reader has each reminder or announcement
 * in exactly one mail (one Message-ID; a send whose answer was lost may reach SES twice with that same Message-ID,
 * counted apart), none lost, and the jobs close within an hour.
 */
class ReminderSweep_FaultsIT extends LocalAwsTest {
    private static final byte[] SECRET = "integration-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<String> READERS = List.of("ann@example.org", "bob@example.org");
    private static final Set<String> FAULTED = Set.of("PutItem", "UpdateItem", "DeleteItem", "SendEmail");
    private static final int TICKS_AFTER = 5;

    /** One call of the due tick: the {@code nth} attempt of {@code operation}. */
    record Call(String operation, int nth) {
    }

    /** What the due tick sends, and the events each reader must end up told of. */
    enum DueTick {
        REMINDER(List.of("e1")), DIGEST(List.of("n1", "n2", "n3", "n4"));

        final List<String> events;

        DueTick(List<String> events) {
            this.events = events;
        }
    }

    private static final Map<String, Integer> INJECTED = new TreeMap<>();
    private static final Map<String, Integer> REPEATED_SENDS = new TreeMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger CASES_HELD =
            new java.util.concurrent.atomic.AtomicInteger();

    private final Map<FaultInjector, ReminderSweep> sweeps = new java.util.IdentityHashMap<>();
    private TestClock clock;
    private boolean announce;

    @TestFactory
    Stream<DynamicTest> everyWriteAndSendOfADueTick_underEveryFault_mailsEachReaderExactlyOnce() {
        return Stream.of(DueTick.values()).flatMap(this::casesOf);
    }

    private Stream<DynamicTest> casesOf(DueTick due) {
        List<Call> calls = callsOfThe(due);
        assertThat(calls).extracting(Call::operation).contains("SendEmail", "PutItem", "UpdateItem");
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : chosen(calls)) {
            for (Fault fault : Fault.values()) {
                for (int times : timesFor(fault)) {
                    tests.add(DynamicTest.dynamicTest(due + " " + call + " " + fault + " x" + times, () -> {
                        var faults = given(due);
                        faults.inject(fault, call.operation(), call.nth(), times);
                        tick(faults);
                        if (due == DueTick.DIGEST) {
                            publish("n4", clock.instant());
                        }
                        for (int tick = 0; tick < TICKS_AFTER && !sweepDone(due); tick++) {
                            clock.advance(Duration.ofMinutes(15));
                            tick(faults);
                        }

                        assertThat(faults.injected()).isNotEmpty();
                        faults.injected().forEach((kind, count) -> INJECTED.merge(kind, count, Integer::sum));
                        assertThat(sweepDone(due)).as("jobs closed, everyone told").isTrue();
                        Map<String, Set<String>> ids = ParsedMail.messageIdsByRecipientAndEvent(aws.sentEmails());
                        assertThat(ids).as("nobody's mail lost").hasSize(READERS.size() * due.events.size());
                        ids.forEach((told, messageIds) -> assertThat(messageIds).as("mails to " + told).hasSize(1));
                        int repeated = aws.sentEmails().size() - distinctMessageIds();
                        if (repeated > 0) {
                            REPEATED_SENDS.merge(due + " " + call.operation() + " " + fault + " x" + times,
                                    repeated, Integer::sum);
                        }
                        CASES_HELD.incrementAndGet();
                    }));
                }
            }
        }
        return tests.stream();
    }

    @AfterAll
    static void report() {
        System.out.println("[faults] reminder sweep (reminder and digest ticks): " + CASES_HELD
                + " cases with no mail lost or duplicated; "
                + "injected " + INJECTED + "; SES sends repeated with the same Message-ID " + REPEATED_SENDS);
    }

    /** Both sends (the first reader's and the last one's) and the first call of each kind of ledger write. */
    private static List<Call> chosen(List<Call> calls) {
        Map<String, List<Call>> byOperation = new TreeMap<>();
        calls.forEach(call -> byOperation.computeIfAbsent(call.operation(), o -> new ArrayList<>()).add(call));
        List<Call> chosen = new ArrayList<>();
        byOperation.forEach((operation, list) -> {
            chosen.add(list.get(0));
            if (operation.equals("SendEmail") && list.size() > 1) {
                chosen.add(list.get(list.size() - 1));
            }
        });
        return chosen;
    }

    /** Once for every kind, and as often as the client tries for a dropped connection after the write applied. */
    private static int[] timesFor(Fault fault) {
        return fault == Fault.DROPPED_AFTER_APPLIED ? new int[]{1, LocalAws.FaultyClients.ATTEMPTS} : new int[]{1};
    }

    /** The calls of a due tick with no faults, so that each can be broken in turn. */
    private List<Call> callsOfThe(DueTick due) {
        var recorder = given(due);
        int before = recorder.calls().size();
        tick(recorder);
        assertThat(aws.sentEmails()).as("one mail each").hasSize(READERS.size());
        Map<String, Integer> seen = new HashMap<>();
        recorder.calls().subList(0, before).forEach(c -> seen.merge(c.substring(c.indexOf('.') + 1), 1, Integer::sum));
        Map<String, Integer> counted = new HashMap<>(seen);
        List<Call> calls = new ArrayList<>();
        for (String call : recorder.calls().subList(before, recorder.calls().size())) {
            String operation = call.substring(call.indexOf('.') + 1);
            int nth = counted.merge(operation, 1, Integer::sum) - seen.getOrDefault(operation, 0);
            if (FAULTED.contains(operation)) {
                calls.add(new Call(operation, nth));
            }
        }
        return calls;
    }

    /**
     * Resets everything; two readers, one tick already run; then either an event whose 7-day window opens in 10
     * minutes, or three events published since that tick.
     */
    private FaultInjector given(DueTick due) {
        aws.reset();
        clock = new TestClock(T0);
        announce = due == DueTick.DIGEST;
        if (due == DueTick.REMINDER) {
            publish("e1", T0.minus(Duration.ofDays(3)));
        }
        var subscribers = new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName());
        for (String reader : READERS) {
            Subscriber pending = Subscriber.pending(reader, T0.minus(Duration.ofDays(2)));
            subscribers.create(pending);
            subscribers.update(pending.confirm(T0.minus(Duration.ofDays(2))));
        }
        var faults = new FaultInjector();
        tick(faults);
        if (due == DueTick.DIGEST) {
            List.of("n1", "n2", "n3").forEach(id -> publish(id, clock.instant()));
        }
        clock.advance(Duration.ofMinutes(15));
        return faults;
    }

    /** An event of the seed's kind, {@code e1} 7 days and 10 minutes after T0, the others weeks later. */
    private void publish(String id, Instant created) {
        Duration in = id.equals("e1") ? Duration.ofDays(7).plus(Duration.ofMinutes(10))
                : Duration.ofDays(20 + id.charAt(1) - '0');
        LocalDateTime start = LocalDateTime.ofInstant(T0.plus(in), LONDON);
        var draft = Fixtures.seedDraft().toBuilder().slug(id).start(start).end(start.plusHours(3))
                .timeZone(LONDON.getId()).agenda(List.of()).talks(List.of()).speakers(List.of()).aliases(List.of())
                .build();
        aws.eventStore().create(Event.create(id, draft, created).publish(created));
    }

    /** One scheduled run; a run that fails is what Lambda would log and the next tick follows. */
    private void tick(FaultInjector faults) {
        try {
            sweeps.computeIfAbsent(faults, this::sweepBehind).run(() -> true);
        } catch (RuntimeException failedRun) {
            // the next tick carries on
        }
    }

    /** The sweep as the function wires it, on clients behind {@code faults} (built once: clients are costly). */
    private ReminderSweep sweepBehind(FaultInjector faults) {
        var clients = aws.withFaults(faults);
        return new ReminderSweep(new DynamoDbEventStore(clients.dynamoDb(), aws.tableName()),
                new DynamoDbSubscriberStore(clients.dynamoDb(), aws.tableName()),
                new DynamoDbReminderLedger(clients.dynamoDb(), aws.tableName()),
                new ReminderMail(SITE, "events@example.org", new SubscriberTokens(SECRET), clock),
                new SesMailSender(clients.sesV2(), null, new SendRate(1000)),
                new ReminderSettings(List.of(Duration.ofDays(7)), announce, "events@example.org"), clock, 100);
    }

    private boolean sweepDone(DueTick due) {
        try {
            return new DynamoDbReminderLedger(aws.dynamoDb(), aws.tableName()).openJobs().isEmpty()
                    && ParsedMail.messageIdsByRecipientAndEvent(aws.sentEmails()).size() == READERS.size() * due.events.size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private int distinctMessageIds() throws Exception {
        Set<String> ids = new HashSet<>();
        for (SentEmail email : aws.sentEmails()) {
            ids.add(ParsedMail.parse(email.raw()).header("Message-ID"));
        }
        return ids.size();
    }
}
