package io.handbill.reminder;

import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.TestClock;
import io.handbill.log.CapturedStdout;
import io.handbill.mail.MailSender;
import io.handbill.mail.SendRate;
import io.handbill.mail.SesMailSender;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.testkit.LocalAwsTest;
import io.handbill.testkit.SentEmail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.handbill.fixtures.Fixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sweep against dynalite and the SES stub: what goes out, when, and exactly once, crashes included. */
class ReminderSweepIT extends LocalAwsTest {
    private static final byte[] SECRET = "integration-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration TICK = Duration.ofMinutes(15);

    private final TestClock clock = new TestClock(T0);
    private DynamoDbEventStore events;
    private DynamoDbSubscriberStore subscribers;
    private DynamoDbReminderLedger ledger;
    private MailSender ses;

    @BeforeEach
    void wire() {
        events = aws.eventStore();
        subscribers = new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName());
        ledger = new DynamoDbReminderLedger(aws.dynamoDb(), aws.tableName());
        ses = new SesMailSender(aws.sesV2(), null, new SendRate(1000));
    }

    @Test
    void reminderDue_sendsOneCompleteMailPerConfirmedSubscriber_andNeverASecond() throws Exception {
        // given: an event 7 days and 10 minutes away; one confirmed, one pending, one unsubscribed reader
        Event event = givenPublishedEvent("e1", T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)),
                T0.minus(Duration.ofDays(3)));
        givenConfirmed("Ann@Example.org");
        subscribers.create(Subscriber.pending("bob@example.org", T0));
        givenConfirmed("cat@example.org");
        subscribers.update(subscribers.get("cat@example.org").orElseThrow().unsubscribe(T0));

        // when: a tick before the window and the tick after it
        SweepState before = sweep(false).run(() -> true);
        SweepState due = nextTick(false);

        // then
        assertThat(before.sent()).isZero();
        assertThat(due.sent()).isEqualTo(1);
        assertThat(due.outcome()).isEqualTo(SweepState.Outcome.COMPLETE);
        assertThat(aws.sentEmails()).hasSize(1);
        ParsedMail mail = ParsedMail.parse(aws.sentEmails().get(0).raw());
        assertThat(mail.header("To")).isEqualTo("Ann@Example.org");
        assertThat(mail.message().getSubject()).isEqualTo("Reminder: " + event.title() + " — Thu 8 Oct, 10:10");
        assertThat(mail.text()).contains("Starts in 7 days.", "Thursday 8 October 2026, 10:10 – 13:10 BST (Europe/London)");
        assertThat(mail.event().getUid().getValue()).isEqualTo("e1@events.example.org");
        assertThat(mail.event().getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(unsubscribeKey(mail)).isEqualTo("ann@example.org");
        assertThat(ledger.entry(MailJob.reminder("e1", Duration.ofDays(7), T0), "ann@example.org")).get()
                .satisfies(entry -> {
                    assertThat(entry.status()).isEqualTo(LedgerEntry.Status.SENT);
                    assertThat(entry.detail()).isEqualTo(aws.sentEmails().get(0).messageId());
                });

        // when: more ticks pass
        for (int tick = 0; tick < 4; tick++) {
            nextTick(false);
        }

        // then
        assertThat(aws.sentEmails()).hasSize(1);
        assertThat(ledger.openJobs()).isEmpty();
        assertThat(ledger.sweepState()).get().extracting(SweepState::discoveredUpTo).isEqualTo(clock.instant());
    }

    @Test
    void oneClickUnsubscribe_stopsTheNextReminder_forThatReaderOnly() throws Exception {
        // given: the 7-day reminder went out to two readers
        givenPublishedEvent("e2", T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)), T0.minus(Duration.ofDays(3)));
        givenConfirmed("ann@example.org");
        givenConfirmed("dan@example.org");
        sweep(false).run(() -> true);
        nextTick(false);
        assertThat(recipients()).containsExactly("ann@example.org", "dan@example.org");

        // when: Ann uses the link in her mail's List-Unsubscribe header, and the 24-hour window comes
        String key = unsubscribeKey(ParsedMail.parse(aws.sentEmails().get(0).raw()));
        subscribers.update(subscribers.get(key).orElseThrow().unsubscribe(clock.instant()));
        clock.set(T0.plus(Duration.ofDays(6)).plus(Duration.ofMinutes(15)));
        SweepState state = sweep(false).run(() -> true);

        // then
        assertThat(state.sent()).isEqualTo(1);
        assertThat(recipients()).containsExactly("ann@example.org", "dan@example.org", "dan@example.org");
        assertThat(ParsedMail.parse(aws.sentEmails().get(2).raw()).text()).contains("Starts in 24 hours.");
    }

    @Test
    void eventCreatedAfterAWindowPassed_getsNoLateReminderForIt() {
        // given: created 10 minutes after its 24-hour window had opened
        givenConfirmed("ann@example.org");
        sweep(false).run(() -> true);
        givenPublishedEvent("e3", T0.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(10)));

        // when
        SweepState state = nextTick(false);

        // then
        assertThat(state.sent()).isZero();
        assertThat(aws.sentEmails()).isEmpty();
    }

    @Test
    void newEvent_isAnnouncedOnce_thenItsCancellationOnce_withTheCancelledIcs() throws Exception {
        // given
        Event event = givenPublishedEvent("e4", T0.plus(Duration.ofDays(30)), T0.minus(Duration.ofHours(1)));
        givenConfirmed("ann@example.org");

        // when: announced, and a tick later cancelled
        sweep(true).run(() -> true);
        nextTick(true);
        Event cancelled = event.cancel("The venue flooded", clock.instant());
        events.update(cancelled);
        nextTick(true);
        nextTick(true);

        // then
        assertThat(aws.sentEmails()).hasSize(2);
        ParsedMail announcement = ParsedMail.parse(aws.sentEmails().get(0).raw());
        assertThat(announcement.message().getSubject()).startsWith("New event: ");
        ParsedMail cancellation = ParsedMail.parse(aws.sentEmails().get(1).raw());
        assertThat(cancellation.message().getSubject()).startsWith("Cancelled: ");
        assertThat(cancellation.text()).contains("Status: Going ahead → Cancelled", "Why: The venue flooded");
        assertThat(cancellation.calendarType().getParameter("method")).isEqualTo("PUBLISH");
        assertThat(cancellation.event().getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(cancellation.event().getUid().getValue()).isEqualTo(announcement.event().getUid().getValue());
        assertThat(cancellation.event().getSequence().getValue())
                .isGreaterThan(announcement.event().getSequence().getValue());

        // and no reminder for a cancelled event
        clock.set(event.startsAt().minus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        sweep(true).run(() -> true);
        assertThat(aws.sentEmails()).hasSize(2);
    }

    @Test
    void cancelledEventReinstated_isBackOnOnce_withTheConfirmedIcs_andItsRemindersAgain() throws Exception {
        // given: announced, then cancelled and told
        Event event = givenPublishedEvent("e9", T0.plus(Duration.ofDays(30)), T0.minus(Duration.ofHours(1)));
        givenConfirmed("ann@example.org");
        sweep(true).run(() -> true);
        Event cancelled = event.cancel("The speaker is ill", clock.instant());
        events.update(cancelled);
        nextTick(true);

        // when: reinstated, then two more ticks
        events.update(cancelled.reinstate(clock.instant()));
        nextTick(true);
        nextTick(true);

        // then
        assertThat(aws.sentEmails()).hasSize(3);
        ParsedMail cancellation = ParsedMail.parse(aws.sentEmails().get(1).raw());
        ParsedMail backOn = ParsedMail.parse(aws.sentEmails().get(2).raw());
        assertThat(backOn.message().getSubject()).startsWith("Back on: ");
        assertThat(backOn.text()).contains("going ahead after all", "Status: Cancelled → Going ahead");
        assertThat(backOn.event().getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(backOn.event().getSequence().getValue())
                .isGreaterThan(cancellation.event().getSequence().getValue());

        // and its reminder goes out again
        clock.set(event.startsAt().minus(Duration.ofDays(7)).plus(Duration.ofMinutes(1)));
        sweep(true).run(() -> true);
        assertThat(aws.sentEmails()).hasSize(4);
    }

    @Test
    void twoQuickMoves_makeOneChangeMail_fromWhatWasLastAnnounced() throws Exception {
        // given
        Event event = givenPublishedEvent("e5", T0.plus(Duration.ofDays(30)), T0.minus(Duration.ofHours(1)));
        givenConfirmed("ann@example.org");
        sweep(true).run(() -> true);

        // when: moved by an hour, then by another, within one tick
        Event once = event.edit(moved(event, 1), clock.instant());
        events.update(once);
        Event twice = once.edit(moved(once, 1), clock.instant());
        events.update(twice);
        nextTick(true);
        nextTick(true);

        // then
        assertThat(aws.sentEmails()).hasSize(2);
        ParsedMail change = ParsedMail.parse(aws.sentEmails().get(1).raw());
        assertThat(change.message().getSubject()).endsWith("— now Sat 31 Oct, 11:00");
        assertThat(change.text()).contains("When: Saturday 31 October 2026, 09:00 – 12:00 GMT (Europe/London) → "
                + "Saturday 31 October 2026, 11:00 – 14:00 GMT (Europe/London)");
        assertThat(change.event().getSequence().getValue()).isEqualTo(twice.icsSequence());
    }

    /**
     * The process dies right after one step took effect, for the second of three readers; later ticks run with
     * nothing broken. Every reader ends with exactly one mailing (one Message-ID) and a SENT ledger entry; only a
     * crash between SES accepting and the ledger recording may cost one repeated SES call.
     */
    @ParameterizedTest(name = "crash after {0} #{1}")
    @CsvSource({"openJob, 1, 1", "saveSweepState, 1, 1", "claim, 2, 1", "send, 2, 2", "markSent, 2, 1",
            "saveCursor, 1, 1", "closeJob, 1, 1"})
    void crashAtAnyStep_losesNoMail_andDuplicatesNothingButOneRetriedSend(String step, int nth, int callsToVictim)
            throws Exception {
        // given: the 7-day window comes due at the second tick
        givenPublishedEvent("e6", T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)), T0.minus(Duration.ofDays(3)));
        List<String> readers = List.of("ann@example.org", "bob@example.org", "cat@example.org");
        readers.forEach(this::givenConfirmed);
        sweep(false).run(() -> true);
        clock.advance(TICK);
        var sender = new Crashes.RecordingSender(ses, step.equals("send") ? nth : 0);
        ReminderLedger faulty = step.equals("send") ? ledger : Crashes.ledgerCrashingAfter(ledger, step, nth);

        // when: the crash
        if (step.equals("saveCursor")) {
            // the cursor is saved between pages: make pages of one reader each
            assertThatThrownBy(() -> sweep(faulty, sender, false, 1).run(() -> true))
                    .isInstanceOf(Crashes.SimulatedCrash.class);
        } else {
            assertThatThrownBy(() -> sweep(faulty, sender, false, 100).run(() -> true))
                    .isInstanceOf(Crashes.SimulatedCrash.class);
        }

        // and: the next tick, and one after the claim lease
        clock.advance(Duration.ofMinutes(1));
        sweep(ledger, sender, false, 100).run(() -> true);
        clock.advance(LedgerGuardedSend.CLAIM_LEASE);
        sweep(ledger, sender, false, 100).run(() -> true);

        // then
        Map<String, List<String>> messageIds = messageIdsByRecipient();
        assertThat(messageIds).containsOnlyKeys(readers);
        messageIds.values().forEach(ids -> assertThat(ids.stream().distinct()).hasSize(1));
        assertThat(sender.attemptsTo("bob@example.org")).isEqualTo(callsToVictim);
        assertThat(sender.attemptsTo("ann@example.org")).isEqualTo(1);
        assertThat(sender.attemptsTo("cat@example.org")).isEqualTo(1);
        for (String reader : readers) {
            assertThat(ledger.entry(MailJob.reminder("e6", Duration.ofDays(7), T0), reader)).get()
                    .extracting(LedgerEntry::status).isEqualTo(LedgerEntry.Status.SENT);
        }
        assertThat(ledger.openJobs()).isEmpty();
    }

    @Test
    void sixNewEvents_goToEachSubscriberAsOneDigestThroughSes_andNeverAgain() throws Exception {
        // given: six events published since the last tick, two readers
        for (int n = 1; n <= 6; n++) {
            givenPublishedEvent("d" + n, T0.plus(Duration.ofDays(40 - n)), T0.minus(Duration.ofMinutes(n)));
        }
        givenConfirmed("ann@example.org");
        givenConfirmed("bob@example.org");

        // when: the tick, and two more
        SweepState due = sweep(true).run(() -> true);
        for (int tick = 0; tick < 2; tick++) {
            nextTick(true);
        }

        // then: one mail each, the events by start (d6 is soonest)
        assertThat(due.sent()).isEqualTo(2);
        assertThat(recipients()).containsExactly("ann@example.org", "bob@example.org");
        ParsedMail digest = ParsedMail.parse(aws.sentEmails().get(0).raw());
        assertThat(digest.message().getSubject()).isEqualTo("6 new events from " + SITE.groupName());
        assertThat(digest.eventSlugs()).containsExactly("d6", "d5", "d4", "d3", "d2", "d1");
        assertThat(digest.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(ledger.entry(MailJob.announcement("d3", T0), "bob@example.org")).get()
                .extracting(LedgerEntry::status, LedgerEntry::detail)
                .containsExactly(LedgerEntry.Status.SENT, aws.sentEmails().get(1).messageId());
        assertThat(ledger.openJobs()).isEmpty();
    }

    /**
     * Three new events for three readers, and the process dies right after one step of the digests took effect for
     * the second reader; a fourth event is published before the next tick. Every reader ends with each event in
     * exactly one mail (one Message-ID), none lost: the dead run's digest goes out again as itself, the new event in a
     * mail of its own; only a crash between SES accepting and the ledger recording repeats an SES call.
     */
    @ParameterizedTest(name = "crash after {0} #{1}")
    @CsvSource({"claim, 5", "send, 2", "markSent, 5", "saveCursor, 2", "closeJob, 2"})
    void digestCrashAtAnyStep_thenANewEvent_losesNoAnnouncement_andDuplicatesNone(String step, int nth)
            throws Exception {
        // given
        for (int n = 1; n <= 3; n++) {
            givenPublishedEvent("c" + n, T0.plus(Duration.ofDays(30 + n)), T0.minus(Duration.ofHours(1)));
        }
        List<String> readers = List.of("ann@example.org", "bob@example.org", "cat@example.org");
        readers.forEach(this::givenConfirmed);
        var sender = new Crashes.RecordingSender(ses, step.equals("send") ? nth : 0);
        ReminderLedger faulty = step.equals("send") ? ledger : Crashes.ledgerCrashingAfter(ledger, step, nth);

        // when: the crash (pages of one reader, so that cursors are saved between them), a new event, two ticks
        assertThatThrownBy(() -> sweep(faulty, sender, true, 1).run(() -> true))
                .isInstanceOf(Crashes.SimulatedCrash.class);
        givenPublishedEvent("c4", T0.plus(Duration.ofDays(35)), clock.instant());
        clock.advance(Duration.ofMinutes(1));
        sweep(ledger, sender, true, 1).run(() -> true);
        clock.advance(LedgerGuardedSend.CLAIM_LEASE);
        sweep(ledger, sender, true, 1).run(() -> true);

        // then
        Map<String, Set<String>> mailsPerAnnouncement = ParsedMail.messageIdsByRecipientAndEvent(aws.sentEmails());
        long lost = readers.size() * 4L - mailsPerAnnouncement.size();
        long duplicated = mailsPerAnnouncement.values().stream().filter(ids -> ids.size() > 1).count();
        System.out.printf("[digest crash after %s #%d] %d SES calls, %d lost, %d duplicated%n", step, nth,
                sender.attempts(), lost, duplicated);
        assertThat(mailsPerAnnouncement).hasSize(readers.size() * 4);
        assertThat(mailsPerAnnouncement.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(sender.attemptsTo("ann@example.org")).as("Ann's digest, then c4").isEqualTo(2);
        for (String reader : readers) {
            for (int n = 1; n <= 4; n++) {
                assertThat(ledger.entry(MailJob.announcement("c" + n, T0), reader)).get()
                        .extracting(LedgerEntry::status).isEqualTo(LedgerEntry.Status.SENT);
            }
        }
        assertThat(ledger.openJobs()).isEmpty();
    }

    @Test
    void throttling_isBackedOffAndRetried_andPersistentThrottlingStopsTheRunWithoutLosingAMail() {
        // given
        givenPublishedEvent("e7", T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)), T0.minus(Duration.ofDays(3)));
        givenConfirmed("ann@example.org");
        givenConfirmed("bob@example.org");
        sweep(false).run(() -> true);
        clock.advance(TICK);

        // when: SES throttles the first few calls, then for longer than the backoff lasts
        aws.ses().failNextWithThrottling(3);
        SweepState shortBurst = sweep(false).run(() -> true);

        // then
        assertThat(shortBurst.sent()).isEqualTo(2);
        assertThat(recipients()).containsExactly("ann@example.org", "bob@example.org");

        // given: the 24-hour reminder meets throttling that outlasts the backoff
        aws.ses().failNextWithThrottling(1000);
        clock.set(T0.plus(Duration.ofDays(6)).plus(Duration.ofMinutes(15)));
        SweepState throttled = sweep(false).run(() -> true);
        assertThat(throttled.outcome()).isEqualTo(SweepState.Outcome.THROTTLED);
        MailJob dayBefore = MailJob.reminder("e7", Duration.ofHours(24), T0);
        assertThat(ledger.entry(dayBefore, "ann@example.org")).isEmpty();

        // when: SES recovers (reset also empties the outbox)
        aws.ses().reset();
        SweepState recovered = nextTick(false);

        // then
        assertThat(recovered.sent()).isEqualTo(2);
        assertThat(recipients()).containsExactly("ann@example.org", "bob@example.org");
        assertThat(ledger.entry(dayBefore, "ann@example.org")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerEntry.Status.SENT);
    }

    @Test
    void permanentRejection_isRecordedForTheReader_andNotRetried() {
        // given
        givenPublishedEvent("e8", T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)), T0.minus(Duration.ofDays(3)));
        givenConfirmed("ann@example.org");
        givenConfirmed("bounce@example.org");
        aws.ses().rejectRecipient("bounce@example.org");
        var sender = new Crashes.RecordingSender(ses, 0);
        sweep(ledger, sender, false, 100).run(() -> true);

        // when
        SweepState state;
        String logs;
        try (var stdout = CapturedStdout.start()) {
            clock.advance(TICK);
            state = sweep(ledger, sender, false, 100).run(() -> true);
            for (int tick = 0; tick < 3; tick++) {
                clock.advance(LedgerGuardedSend.CLAIM_LEASE);
                sweep(ledger, sender, false, 100).run(() -> true);
            }
            logs = stdout.text();
        }

        // then
        assertThat(state.sent()).isEqualTo(1);
        assertThat(state.rejected()).isEqualTo(1);
        assertThat(sender.attemptsTo("bounce@example.org")).isEqualTo(1);
        assertThat(ledger.entry(MailJob.reminder("e8", Duration.ofDays(7), T0), "bounce@example.org")).get()
                .satisfies(entry -> {
                    assertThat(entry.status()).isEqualTo(LedgerEntry.Status.REJECTED);
                    assertThat(entry.detail()).isEqualTo("MessageRejected");
                });
        assertThat(subscribers.get("bounce@example.org")).get().extracting(Subscriber::rejection)
                .isEqualTo("MessageRejected");
        assertThat(logs).contains("Reminder sweep COMPLETE")
                .doesNotContain("example.org");
    }

    @Test
    void runningOutOfTime_stopsAndTheNextTickCarriesOn() {
        // given
        givenPublishedEvent("e9", T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)), T0.minus(Duration.ofDays(3)));
        List<String> readers = List.of("a1@example.org", "a2@example.org", "a3@example.org", "a4@example.org",
                "a5@example.org");
        readers.forEach(this::givenConfirmed);
        sweep(false).run(() -> true);
        clock.advance(TICK);
        var checks = new AtomicInteger();

        // when: the time budget allows two sends
        SweepState first = sweep(false).run(() -> checks.incrementAndGet() <= 2);
        SweepState second = nextTick(false);

        // then
        assertThat(first.outcome()).isEqualTo(SweepState.Outcome.OUT_OF_TIME);
        assertThat(first.sent()).isEqualTo(2);
        assertThat(first.openJobs()).isEqualTo(1);
        assertThat(second.sent()).isEqualTo(3);
        assertThat(recipients()).containsExactlyElementsOf(readers);
    }

    @Test
    void aClaimHeldByAnotherRun_isRetriedAfterItsLease_evenWhenThisRunStopsForTimeLater() {
        // given: another (live or dead) run holds Bob's claim
        givenPublishedEvent("e10", T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)), T0.minus(Duration.ofDays(3)));
        List.of("ann@example.org", "bob@example.org", "cat@example.org").forEach(this::givenConfirmed);
        sweep(false).run(() -> true);
        clock.advance(TICK);
        MailJob job = MailJob.reminder("e10", Duration.ofDays(7), T0);
        ledger.claim(job, "bob@example.org", "m1", clock.instant(), clock.instant().plus(Duration.ofDays(30)));
        var checks = new AtomicInteger();

        // when: this run sends to Ann, finds Bob held, and runs out of time before Cat
        SweepState stopped = sweep(false).run(() -> checks.incrementAndGet() <= 2);
        clock.advance(Duration.ofMinutes(1));
        SweepState next = sweep(false).run(() -> true);
        clock.advance(LedgerGuardedSend.CLAIM_LEASE);
        SweepState afterLease = sweep(false).run(() -> true);

        // then
        assertThat(stopped.outcome()).isEqualTo(SweepState.Outcome.OUT_OF_TIME);
        assertThat(List.of(stopped.sent(), next.sent(), afterLease.sent())).containsExactly(1, 1, 1);
        assertThat(recipients()).containsExactly("ann@example.org", "cat@example.org", "bob@example.org");
        assertThat(ledger.openJobs()).isEmpty();
    }

    @Test
    void goingAttendees_getTheReminderToo_andWhoeverAlsoSubscribedGetsOne() {
        // given: Ann subscribed and is going, Bob is going only, Cat is on the waitlist
        LocalDateTime start = LocalDateTime.ofInstant(T0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(10)), LONDON);
        Event event = Events.published("e11", Drafts.seedWithoutProgramme().slug("e11").start(start)
                .end(start.plusHours(3)).timeZone(LONDON.getId())
                .rsvp(new io.handbill.model.RsvpSettings(true, 2, null, null, null)), T0.minus(Duration.ofDays(3)));
        events.create(event);
        givenConfirmed("ann@example.org");
        var rsvps = new io.handbill.rsvp.DynamoDbRsvpStore(aws.dynamoDb(), aws.tableName());
        var attendees = List.of(
                new String[]{"a", "Ann@Example.org", "GOING"}, new String[]{"b", "bob@example.org", "GOING"},
                new String[]{"c", "cat@example.org", "WAITLISTED"});
        for (String[] a : attendees) {
            var pending = io.handbill.rsvp.Attendee.pending("e11", a[0], a[1], a[0], null, T0);
            rsvps.create(pending, T0.plus(Duration.ofDays(2)));
            rsvps.update(pending.in(io.handbill.rsvp.AttendeeState.valueOf(a[2]), T0));
        }
        GoingAttendees going = GoingAttendees.of(rsvps);
        sweep(false).withAttendees(going).run(() -> true);

        // when: the 7-day window comes, twice over
        clock.advance(TICK);
        SweepState due = sweep(false).withAttendees(going).run(() -> true);
        clock.advance(TICK);
        sweep(false).withAttendees(going).run(() -> true);

        // then: attendees are mailed first, so Ann's one mail goes to the address she RSVPed with
        assertThat(due.sent()).isEqualTo(2);
        assertThat(recipients()).containsExactlyInAnyOrder("Ann@Example.org", "bob@example.org");

        // when: the event moves by an hour
        aws.ses().reset();
        Event stored = events.get("e11").orElseThrow();
        events.update(stored.edit(stored.draft().movedBy(Duration.ofHours(1)), clock.instant()));
        clock.advance(TICK);
        sweep(false).withAttendees(going).run(() -> true);

        // then: the attendees' invitations are updated in place, the plain subscribers' mail is not an invitation
        assertThat(recipients()).containsExactlyInAnyOrder("Ann@Example.org", "bob@example.org");
        for (SentEmail email : aws.sentEmails()) {
            String raw = new String(email.raw(), StandardCharsets.UTF_8).replace("\r\n ", "");
            assertThat(raw).contains("method=REQUEST", "METHOD:REQUEST", "UID:e11@events.example.org",
                    "SEQUENCE:" + (stored.icsSequence() + 1), "PARTSTAT=ACCEPTED");
        }

        // when: Bob gave up an earlier place (his invitation was withdrawn by a CANCEL at the event's sequence + 1)
        // and is going again; then the event is cancelled
        var releasing = rsvps.get("e11", "b").orElseThrow().in(io.handbill.rsvp.AttendeeState.RELEASING, T0);
        var released = releasing.released(T0);
        assertThat(rsvps.update(releasing) && rsvps.update(released)
                && rsvps.update(released.in(io.handbill.rsvp.AttendeeState.GOING, T0))).isTrue();
        aws.ses().reset();
        Event moved = events.get("e11").orElseThrow();
        events.update(moved.cancel("Venue flooded", clock.instant()));
        clock.advance(TICK);
        sweep(false).withAttendees(going).run(() -> true);

        // then: each attendee's CANCEL outranks the last message they were sent: Bob's his own withdrawal's too
        assertThat(recipients()).containsExactlyInAnyOrder("Ann@Example.org", "bob@example.org");
        for (SentEmail email : aws.sentEmails()) {
            String raw = new String(email.raw(), StandardCharsets.UTF_8).replace("\r\n ", "");
            int expected = raw.contains("To: bob@") ? moved.icsSequence() + 1 + 2 : moved.icsSequence() + 1;
            assertThat(raw).contains("method=CANCEL", "METHOD:CANCEL", "UID:e11@events.example.org",
                    "\r\nSEQUENCE:" + expected + "\r\n");
        }
    }

    /** The sweep of the tick after the clock's, with all the time it needs. */
    private SweepState nextTick(boolean announce) {
        clock.advance(TICK);
        return sweep(announce).run(() -> true);
    }

    private ReminderSweep sweep(boolean announce) {
        return sweep(ledger, ses, announce, 100);
    }

    private ReminderSweep sweep(ReminderLedger withLedger, MailSender sender, boolean announce, int pageSize) {
        var settings = new ReminderSettings(List.of(Duration.ofDays(7), Duration.ofHours(24)), announce,
                "events@example.org");
        return new ReminderSweep(events, subscribers, withLedger,
                new ReminderMail(SITE, "events@example.org", new SubscriberTokens(SECRET), clock), sender, settings,
                clock, pageSize);
    }

    private Event givenPublishedEvent(String id, Instant start, Instant createdAt) {
        LocalDateTime localStart = LocalDateTime.ofInstant(start, LONDON);
        Event event = Events.published(id, Drafts.seedWithoutProgramme().slug(id).start(localStart)
                .end(localStart.plusHours(3)).timeZone(LONDON.getId()), createdAt);
        events.create(event);
        return event;
    }

    private static EventDraft moved(Event event, int hours) {
        EventDraft d = event.draft();
        return d.toBuilder().start(d.start().plusHours(hours)).end(d.end().plusHours(hours)).build();
    }

    private void givenConfirmed(String email) {
        Subscriber pending = Subscriber.pending(email, T0.minus(Duration.ofDays(2)));
        subscribers.create(pending);
        subscribers.update(pending.confirm(T0.minus(Duration.ofDays(2))));
    }

    private String unsubscribeKey(ParsedMail mail) throws Exception {
        String header = mail.header("List-Unsubscribe");
        assertThat(header).startsWith("<https://events.example.org/api/unsubscribe?token=");
        String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);
        return new SubscriberTokens(SECRET).verify(token, SubscriberTokens.Purpose.UNSUBSCRIBE, clock.instant());
    }

    private List<String> recipients() {
        var to = new ArrayList<String>();
        for (SentEmail email : aws.sentEmails()) {
            try {
                to.add(ParsedMail.parse(email.raw()).header("To"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return to;
    }

    private Map<String, List<String>> messageIdsByRecipient() throws Exception {
        var parsed = new ArrayList<ParsedMail>();
        for (SentEmail email : aws.sentEmails()) {
            parsed.add(ParsedMail.parse(email.raw()));
        }
        return parsed.stream().collect(Collectors.groupingBy(m -> header(m, "To"),
                Collectors.mapping(m -> header(m, "Message-ID"), Collectors.toList())));
    }

    private static String header(ParsedMail mail, String name) {
        try {
            return mail.header(name);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
