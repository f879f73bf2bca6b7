package io.handbill.subscribe;

import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.SendRate;
import io.handbill.mail.SesMailSender;
import io.handbill.model.Event;
import io.handbill.model.RsvpSettings;
import io.handbill.model.SiteConfig;
import io.handbill.rsvp.Attendee;
import io.handbill.rsvp.AttendeeState;
import io.handbill.rsvp.DynamoDbRsvpStore;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.HandbillTable;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.testkit.FaultInjector;
import io.handbill.testkit.FaultInjector.Call;
import io.handbill.testkit.FaultInjector.Fault;
import io.handbill.testkit.FaultTally;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import io.handbill.testkit.SentEmail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RSVP confirmations and cancellations under injected DynamoDB and SES faults: every write and send of a
 * confirmation that takes the last place, one that finds the event full, and a cancellation that promotes the first
 * on the waitlist (found by a clean run, broken by their place among the calls: the service makes them one after the
 * other), in turn, under each kind of fault, met by the SDK's retry (once) or by the person (every attempt), who
 * tries again a minute later after an error or an "in progress" page, as a person would. Outcome: places never
 * exceed capacity and the counter matches the GOING attendees, no half-done step is left (every claim or release
 * the counter notes belongs to an attendee it finished, so nobody holds two places), the person ends GOING, WAITLISTED or CANCELLED as they asked, the promotion is not lost, and each person
 * has exactly one mail for the step (one Message-ID; a send whose answer was lost may reach SES again with the same
 * Message-ID, counted apart).
 */
@ExtendWith(LocalAwsExtension.class)
class Rsvp_FaultsIT {
    private static final Set<String> FAULTED = Set.of("PutItem", "UpdateItem", "DeleteItem", "SendEmail");
    private static final byte[] SECRET = "integration-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org", "Leeds DevOps",
            "organisers@example.org");
    private static final LocalDateTime START = LocalDateTime.parse("2017-09-26T18:00");
    /**
     * When the person tries again after an error or "in progress" page: at once, then a minute later (past the
     * 30-second lease of a step whose owner died), and once more.
     */
    private static final List<Duration> RETRIES = List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(1));

    private static final String UNCLOSED =
            "finished steps whose counter entry was left open (harmless: a new claim has a new sequence)";
    private static final FaultTally TALLY = new FaultTally("rsvp", "cases", "lost", "duplicated",
            "error answers retried", "\"in progress\" answers retried",
            UNCLOSED);
    private static final Map<String, Integer> REPEATED_SENDS = new TreeMap<>();

    /** What the person does, and the states and mails it must end in. */
    private enum Step {
        CONFIRM_LAST_PLACE(2, Map.of("ann", AttendeeState.GOING, "dan", AttendeeState.GOING), Set.of("dan")),
        CONFIRM_WHEN_FULL(1, Map.of("ann", AttendeeState.GOING, "dan", AttendeeState.WAITLISTED), Set.of("dan")),
        CANCEL_AND_PROMOTE(1, Map.of("ann", AttendeeState.CANCELLED, "cat", AttendeeState.GOING),
                Set.of("ann", "cat"));

        final int capacity;
        final Map<String, AttendeeState> after;
        final Set<String> mailed;

        Step(int capacity, Map<String, AttendeeState> after, Set<String> mailed) {
            this.capacity = capacity;
            this.after = after;
            this.mailed = mailed;
        }
    }

    /** A prepared step: the event, and the person's request on a service behind given faults. */
    private record Given(Event event, Function<RsvpService, RsvpService.Outcome> request) {
    }

    private final TestClock clock = new TestClock(Instant.parse("2017-09-20T10:00:00Z"));
    private final SubscriberTokens tokens = new SubscriberTokens(SECRET);
    private LocalAws aws;

    @AfterAll
    static void report() {
        System.out.println(TALLY.line() + "; SES sends repeated with the same Message-ID " + REPEATED_SENDS);
    }

    @TestFactory
    Stream<DynamicContainer> everyWriteAndSendOfConfirmCancelAndPromote_underEveryFault_keepsPlacesAndMailsExact(
            LocalAws aws) {
        this.aws = aws;
        return Stream.of(Step.values()).map(step -> DynamicContainer.dynamicContainer(step.name(),
                cases(step, callsOf(step))));
    }

    private Stream<DynamicTest> cases(Step step, List<Call> calls) {
        assertThat(calls).extracting(Call::operation).contains("PutItem", "UpdateItem", "SendEmail");
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : calls) {
            for (Fault fault : Fault.values()) {
                for (int times : new int[]{1, LocalAws.FaultyClients.ATTEMPTS}) {
                    tests.add(DynamicTest.dynamicTest(call + " " + fault + " x" + times, () -> {
                        Given given = given(step);
                        int sentBefore = aws.sentEmails().size();
                        var faults = new FaultInjector().inject(fault, call, times);
                        RsvpService service = service(faults);

                        String label = call + " " + fault + " x" + times;
                        boolean done = false;
                        for (int tried = 0; tried <= RETRIES.size() && !done; tried++) {
                            if (tried > 0) {
                                clock.advance(RETRIES.get(tried - 1));
                            }
                            try {
                                RsvpService.Outcome outcome = given.request().apply(service);
                                done = outcome != RsvpService.Outcome.IN_PROGRESS;
                                TALLY.add("\"in progress\" answers retried", done ? 0 : 1);
                            } catch (RuntimeException error) {
                                TALLY.add("error answers retried", 1);
                                assertThat(error).isNotInstanceOf(AssertionError.class);
                            }
                        }

                        assertThat(faults.injected()).as("faults injected")
                                .containsEntry(call.operation() + " " + fault, times);
                        TALLY.injectedBy(faults);
                        TALLY.add("cases", 1);
                        List<String> wrong = wrongStates(step, given.event());
                        Map<String, Set<String>> mails = messageIdsByPerson(sentBefore, label);
                        int duplicated = mails.values().stream().mapToInt(ids -> Math.max(0, ids.size() - 1)).sum();
                        Set<String> unmailed = new HashSet<>(step.mailed);
                        unmailed.removeAll(mails.keySet());
                        TALLY.add("lost", wrong.isEmpty() && unmailed.isEmpty() && done ? 0 : 1);
                        TALLY.add("duplicated", duplicated);

                        assertThat(done).as(label + ": the person's last answer is final").isTrue();
                        assertThat(wrong).as(label + ": places and states").isEmpty();
                        assertThat(mails.keySet()).as(label + ": people mailed").isEqualTo(step.mailed);
                        assertThat(duplicated).as(label + ": mails with another Message-ID").isZero();
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** The faulted calls of a clean run of the step, in the order it makes them. */
    private List<Call> callsOf(Step step) {
        Given given = given(step);
        var recorder = new FaultInjector();
        assertThat(given.request().apply(service(recorder))).as(step + " without faults")
                .isNotEqualTo(RsvpService.Outcome.IN_PROGRESS);
        assertThat(wrongStates(step, given.event())).as(step + " without faults").isEmpty();
        List<Call> calls = Call.of(recorder.attempts(), FAULTED, Set.of(), target -> target
                .replaceAll("RSVP#ev-[a-z-]+ ", "").replaceAll("ATTENDEE#\\S+", "ATTENDEE")
                .replaceAll("MAIL#\\S+#(\\w+)#\\d+", "MAIL $1"));
        System.out.println("[faults] rsvp " + step + ": calls broken in turn: " + calls);
        return calls;
    }

    /**
     * Empties the emulators and makes the event as the step needs it: Ann has a place; Dan has asked (for the
     * confirmations), or Cat is on the waitlist (for the cancellation).
     */
    private Given given(Step step) {
        aws.reset();
        clock.set(Instant.parse("2017-09-20T10:00:00Z"));
        Event event = Events.published("ev-" + step.name().toLowerCase().replace('_', '-'), Drafts.seed()
                .slug("rsvp-faults").aliases(List.of()).start(START).end(START.plusHours(3))
                .rsvp(new RsvpSettings(true, step.capacity, null, null, null)));
        new DynamoDbEventStore(aws.dynamoDb(), aws.tableName()).create(event);
        RsvpService clean = service(new FaultInjector());
        assertThat(clean.confirm(pending(event, "ann"))).isEqualTo(RsvpService.Outcome.GOING);
        if (step == Step.CANCEL_AND_PROMOTE) {
            assertThat(clean.confirm(pending(event, "cat"))).isEqualTo(RsvpService.Outcome.WAITLISTED);
            String cancel = tokens.token(SubscriberTokens.Purpose.RSVP_CANCEL, event.id() + "/" + id(event, "ann"),
                    null);
            clock.advance(Duration.ofMinutes(5));
            return new Given(event, service -> service.cancel(cancel));
        }
        String confirm = pending(event, "dan");
        clock.advance(Duration.ofMinutes(5));
        return new Given(event, service -> service.confirm(confirm));
    }

    /** A PENDING RSVP written straight to the store; its confirm token. */
    private String pending(Event event, String person) {
        String id = id(event, person);
        store().create(Attendee.pending(event.id(), id, person + "@example.org", person, null, clock.instant()),
                clock.instant().plus(Duration.ofHours(48)));
        return tokens.token(SubscriberTokens.Purpose.RSVP_CONFIRM, event.id() + "/" + id,
                clock.instant().plus(Duration.ofHours(48)));
    }

    private String id(Event event, String person) {
        return service(new FaultInjector()).attendeeId(event.id(), person + "@example.org");
    }

    private RsvpService service(FaultInjector faults) {
        var clients = aws.withFaults(faults);
        return new RsvpService(new DynamoDbEventStore(clients.dynamoDb(), aws.tableName()),
                new DynamoDbRsvpStore(clients.dynamoDb(), aws.tableName()),
                new RsvpMail(SITE, "events@example.org", clock), new OptIn(tokens,
                new SubscribeLimits(new DynamoDbCooldownStore(aws.dynamoDb(), aws.tableName()), SECRET),
                new SesMailSender(clients.sesV2(), null, new SendRate(1000)), clock));
    }

    private DynamoDbRsvpStore store() {
        return new DynamoDbRsvpStore(aws.dynamoDb(), aws.tableName());
    }

    /** Everything about the event's places and people that is not as the step must leave it. */
    private List<String> wrongStates(Step step, Event event) {
        List<String> wrong = new ArrayList<>();
        List<Attendee> attendees = store().list(event.id(), null, 100).items();
        Map<String, AttendeeState> states = attendees.stream()
                .collect(Collectors.toMap(a -> a.name(), Attendee::state, (a, b) -> a, TreeMap::new));
        step.after.forEach((person, state) -> {
            if (states.get(person) != state) {
                wrong.add(person + " is " + states.get(person) + ", not " + state);
            }
        });
        long going = attendees.stream().filter(a -> a.state() == AttendeeState.GOING).count();
        int counted = store().going(event.id());
        if (counted != going || going > step.capacity) {
            wrong.add(going + " GOING, the counter says " + counted + ", capacity " + step.capacity);
        }
        if (going < step.capacity && states.containsValue(AttendeeState.WAITLISTED)) {
            wrong.add("a free place while someone waits: a lost promotion");
        }
        Map<String, AttributeValue> counter = aws.dynamoDb().getItem(r -> r.tableName(aws.tableName())
                .key(Map.of(HandbillTable.PK, AttributeValue.fromS("RSVP#" + event.id()),
                        HandbillTable.SK, AttributeValue.fromS("PLACES")))
                .consistentRead(true)).item();
        // an entry is a step begun; once the attendee is in the state the step ends in, only its closing is left
        Map<String, Attendee> byId = attendees.stream().collect(Collectors.toMap(Attendee::id, a -> a));
        for (String map : List.of("claims", "releases")) {
            AttendeeState done = map.equals("claims") ? AttendeeState.GOING : AttendeeState.CANCELLED;
            counter.getOrDefault(map, AttributeValue.fromM(Map.of())).m().forEach((id, seq) -> {
                Attendee a = byId.get(id);
                if (a == null || a.state() != done || a.sequence() != Long.parseLong(seq.n())) {
                    wrong.add("half-done " + map + " entry of " + (a == null ? id : a.name()));
                } else {
                    TALLY.add(UNCLOSED, 1);
                }
            });
        }
        return wrong;
    }

    /** Message-IDs of the mails sent since {@code from}, by person. */
    private Map<String, Set<String>> messageIdsByPerson(int from, String label) {
        Map<String, Set<String>> ids = new TreeMap<>();
        int sent = 0;
        for (SentEmail mail : aws.sentEmails().subList(from, aws.sentEmails().size())) {
            String text = new String(mail.raw(), StandardCharsets.UTF_8);
            String to = header(text, "To: ");
            ids.computeIfAbsent(to.substring(0, to.indexOf('@')), k -> new HashSet<>())
                    .add(header(text, "Message-ID: "));
            sent++;
        }
        int distinct = ids.values().stream().mapToInt(Set::size).sum();
        if (sent > distinct) {
            REPEATED_SENDS.merge(label, sent - distinct, Integer::sum);
        }
        return ids;
    }

    private static String header(String mail, String name) {
        Matcher header = Pattern.compile("(?m)^" + name + "(\\S+)").matcher(mail);
        assertThat(header.find()).as(name).isTrue();
        return header.group(1);
    }
}
