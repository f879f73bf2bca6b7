package io.handbill.reminder;

import io.handbill.fixtures.Events;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.MailSender;
import io.handbill.mail.MailThrottledException;
import io.handbill.model.Event;
import io.handbill.store.InMemoryEventStore;
import io.handbill.subscriber.InMemorySubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberTokens;
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
import java.util.Collections;
import java.util.List;

import static io.handbill.fixtures.Fixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sweep's decisions in memory, in milliseconds: which mails are due, each once, and how it recovers from a dead
 * run. {@link ReminderSweepIT} runs the same sweep on dynalite and the SES stub.
 */
class ReminderSweepTest {
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration TICK = Duration.ofMinutes(15);

    private final TestClock clock = new TestClock(T0);
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemorySubscriberStore subscribers = new InMemorySubscriberStore();
    private final InMemoryReminderLedger ledger = new InMemoryReminderLedger();
    private final Outbox outbox = new Outbox();

    @BeforeEach
    void readers() {
        for (String email : List.of("ann@example.org", "bob@example.org")) {
            Subscriber pending = Subscriber.pending(email, T0.minus(Duration.ofDays(2)));
            subscribers.create(pending);
            subscribers.update(pending.confirm(T0.minus(Duration.ofDays(2))));
        }
        subscribers.create(Subscriber.pending("pat@example.org", T0));
    }

    @Test
    void eachWindow_mailsEachConfirmedReaderOnce_whenItComesDue() {
        Event event = givenEventStartingIn(Duration.ofDays(7).plus(Duration.ofMinutes(10)));

        SweepState before = sweep(false).run(() -> true);
        assertThat(before.sent()).isZero();
        assertThat(before.outcome()).isEqualTo(SweepState.Outcome.COMPLETE);

        SweepState due = nextTick(false);
        assertThat(due.sent()).isEqualTo(2);
        assertThat(due.outcome()).isEqualTo(SweepState.Outcome.COMPLETE);
        assertThat(outbox.recipients()).containsExactly("ann@example.org", "bob@example.org");
        assertThat(outbox.subjects()).allMatch(s -> s.startsWith("Reminder: " + event.title()));

        for (int tick = 0; tick < 4; tick++) {
            assertThat(nextTick(false).sent()).isZero();
        }

        clock.set(event.startsAt().minus(Duration.ofHours(24)).plus(Duration.ofMinutes(5)));
        SweepState dayBefore = sweep(false).run(() -> true);
        assertThat(dayBefore.sent()).isEqualTo(2);
        assertThat(nextTick(false).sent()).isZero();
        assertThat(outbox.recipients()).hasSize(4);
        assertThat(ledger.openJobs()).isEmpty();
        assertThat(ledger.entry(MailJob.reminder(event.id(), Duration.ofHours(24), T0), "ann@example.org")).get()
                .extracting(LedgerEntry::status).isEqualTo(LedgerEntry.Status.SENT);
    }

    /** A new event is announced once; one whose reminder is already due gets the reminder only, in the same run. */
    @ParameterizedTest(name = "starting in {0}: one \"{1}\" mail each, once")
    @CsvSource({"P30D, 'New event: '", "P6DT23H55M, 'Reminder: '"})
    void newEvent_getsOneMailEach_once_anAnnouncementOrItsDueReminder(Duration startsIn, String subject) {
        givenEventStartingIn(startsIn);

        SweepState first = sweep(true).run(() -> true);
        SweepState second = nextTick(true);

        assertThat(first.sent()).isEqualTo(2);
        assertThat(second.sent()).isZero();
        assertThat(outbox.subjects()).hasSize(2).allMatch(s -> s.startsWith(subject));
    }

    @Test
    void sixNewEvents_goToEachReaderAsOneMailListingSix_byStart_andTheNextSweepSendsNothing() {
        for (int n = 6; n >= 1; n--) {
            givenEventStartingIn("e" + n, "Meetup " + n, Duration.ofDays(20 + n));
        }

        SweepState first = sweep(true).run(() -> true);
        SweepState second = nextTick(true);

        assertThat(first.sent()).isEqualTo(2);
        assertThat(second.sent()).isZero();
        assertThat(outbox.recipients()).containsExactly("ann@example.org", "bob@example.org");
        assertThat(outbox.subjects()).containsOnly("6 new events from " + SITE.groupName());
        assertThat(outbox.texts().get(0)).containsSubsequence("Meetup 1", "Meetup 2", "Meetup 3", "Meetup 4",
                "Meetup 5", "Meetup 6");
        for (int n = 1; n <= 6; n++) {
            assertThat(ledger.entry(MailJob.announcement("e" + n, T0), "ann@example.org")).get()
                    .extracting(LedgerEntry::status, LedgerEntry::detail)
                    .containsExactly(LedgerEntry.Status.SENT, "message-1");
        }
        assertThat(ledger.openJobs()).isEmpty();
    }

    /** The announcement was still owed (its run ran out of time) when the reminder came due: one mail says both. */
    @Test
    void reminderDueWhileTheAnnouncementIsOwed_isTheOnlyMail_saysTheEventIsNew_andSettlesBoth() {
        Event event = givenEventStartingIn(Duration.ofDays(7).plus(Duration.ofMinutes(10)));
        SweepState stopped = sweep(true).run(() -> false);
        assertThat(stopped.outcome()).isEqualTo(SweepState.Outcome.OUT_OF_TIME);
        assertThat(outbox.recipients()).isEmpty();

        SweepState due = nextTick(true);
        for (int tick = 0; tick < 3; tick++) {
            nextTick(true);
        }

        assertThat(due.sent()).isEqualTo(2);
        assertThat(outbox.recipients()).containsExactly("ann@example.org", "bob@example.org");
        assertThat(outbox.subjects()).allMatch(s -> s.startsWith("Reminder: " + event.title()));
        assertThat(outbox.texts()).allMatch(t -> t.contains("A new event from " + SITE.groupName()
                + ": it starts in 7 days."));
        for (MailJob job : List.of(MailJob.announcement(event.id(), T0), MailJob.reminder(event.id(),
                Duration.ofDays(7), T0))) {
            assertThat(ledger.entry(job, "bob@example.org")).get().extracting(LedgerEntry::status)
                    .isEqualTo(LedgerEntry.Status.SENT);
        }
        assertThat(ledger.openJobs()).isEmpty();
    }

    /** An announcement resumed past Ann, and one published since: Ann is owed one event, Bob both, in one mail. */
    @Test
    void resumedAnnouncement_andANewOne_reachEachReaderOnce_inOneMail() {
        givenEventStartingIn("e1", "First", Duration.ofDays(30));
        var checks = new int[1];
        SweepState stopped = sweep(true).run(() -> checks[0]++ < 1);
        assertThat(stopped.outcome()).isEqualTo(SweepState.Outcome.OUT_OF_TIME);
        givenEventStartingIn("e2", "Second", Duration.ofDays(31));

        nextTick(true);
        nextTick(true);

        assertThat(outbox.recipients()).containsExactly("ann@example.org", "ann@example.org", "bob@example.org");
        assertThat(outbox.subjects()).containsExactly("New event: First — Sat 31 Oct, 09:00",
                "New event: Second — Sun 1 Nov, 09:00", "2 new events from " + SITE.groupName());
        assertThat(ledger.openJobs()).isEmpty();
    }

    @Test
    void throttledDigest_releasesEveryClaimItMade_andTheNextTickSendsItWhole() {
        givenEventStartingIn("e1", "First", Duration.ofDays(30));
        givenEventStartingIn("e2", "Second", Duration.ofDays(31));
        MailSender throttled = (to, raw) -> {
            throw new MailThrottledException();
        };

        assertThat(sweep(ledger, throttled, true).run(() -> true).outcome())
                .isEqualTo(SweepState.Outcome.THROTTLED);
        assertThat(ledger.entry(MailJob.announcement("e2", T0), "ann@example.org")).isEmpty();

        assertThat(nextTick(true).sent()).isEqualTo(2);
        assertThat(outbox.subjects()).containsOnly("2 new events from " + SITE.groupName());
    }

    @Test
    void announcementsOff_announceNothing_butRemember_soTurningThemOnLaterAnnouncesNoOldEvent() {
        givenEventStartingIn(Duration.ofDays(30));

        sweep(false).run(() -> true);
        nextTick(true);

        assertThat(outbox.recipients()).isEmpty();
    }

    @Test
    void runDyingAfterDiscovery_leavesStateDiscovered_andTheNextRunSendsEverythingOnce() {
        givenEventStartingIn(Duration.ofDays(30));
        ReminderLedger dying = Crashes.ledgerCrashingAfter(ledger, "saveSweepState", 1);

        assertThatThrownBy(() -> sweep(dying, outbox, true).run(() -> true))
                .isInstanceOf(Crashes.SimulatedCrash.class);
        assertThat(ledger.sweepState()).get().extracting(SweepState::outcome, SweepState::finishedAt)
                .containsExactly(SweepState.Outcome.DISCOVERED, null);
        assertThat(ledger.openJobs()).hasSize(1);

        assertTheNextTickCompletes_withOneMailEach();
    }

    @Test
    void claimOfADeadRun_isHeldUntilItsLease_othersGoOut_thenItIsRetriedOnce() {
        Event event = givenEventStartingIn(Duration.ofDays(30));
        ReminderLedger dying = Crashes.ledgerCrashingAfter(ledger, "claim", 1);
        assertThatThrownBy(() -> sweep(dying, outbox, true).run(() -> true))
                .isInstanceOf(Crashes.SimulatedCrash.class);
        MailJob announce = MailJob.announcement(event.id(), T0);

        clock.advance(Duration.ofMinutes(1));
        SweepState held = sweep(true).run(() -> true);
        assertThat(held.sent()).isEqualTo(1);
        assertThat(outbox.recipients()).containsExactly("bob@example.org");
        assertThat(held.openJobs()).isEqualTo(1);
        assertThat(ledger.openJobs()).extracting(MailJob::cursor).containsOnlyNulls();

        clock.advance(LedgerGuardedSend.CLAIM_LEASE);
        SweepState retried = sweep(true).run(() -> true);

        assertThat(retried.sent()).isEqualTo(1);
        assertThat(outbox.recipients()).containsExactly("bob@example.org", "ann@example.org");
        assertThat(ledger.entry(announce, "ann@example.org")).get()
                .extracting(LedgerEntry::status, LedgerEntry::attempts).containsExactly(LedgerEntry.Status.SENT, 2);
        assertThat(ledger.entry(announce, "bob@example.org")).get()
                .extracting(LedgerEntry::status, LedgerEntry::attempts).containsExactly(LedgerEntry.Status.SENT, 1);
        assertThat(ledger.openJobs()).isEmpty();
    }

    @Test
    void claimInterruptedMaxAttemptsTimes_isMarkedFailed_andNotSent() {
        Event event = givenEventStartingIn(Duration.ofDays(30));
        MailJob announce = MailJob.announcement(event.id(), T0);
        ledger.openJob(announce);
        ledger.claim(announce, "ann@example.org", "m1", T0, event.startsAt());
        for (int attempt = 1; attempt < LedgerGuardedSend.MAX_ATTEMPTS; attempt++) {
            ledger.reclaim(announce, ledger.entry(announce, "ann@example.org").orElseThrow(), T0);
        }

        clock.advance(LedgerGuardedSend.CLAIM_LEASE);
        sweep(true).run(() -> true);

        assertThat(outbox.recipients()).containsExactly("bob@example.org");
        assertThat(ledger.entry(announce, "ann@example.org")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerEntry.Status.FAILED);
    }

    @Test
    void runningOutOfTime_stopsWithOutOfTime_andTheNextTickCarriesOn() {
        givenEventStartingIn(Duration.ofDays(30));
        var sends = new int[1];

        SweepState stopped = sweep(true).run(() -> sends[0]++ < 1);
        assertThat(stopped.outcome()).isEqualTo(SweepState.Outcome.OUT_OF_TIME);
        assertThat(stopped.sent()).isEqualTo(1);
        assertThat(stopped.openJobs()).isEqualTo(1);


        assertTheNextTickCompletes_withOneMailEach();
    }

    @Test
    void throttled_stopsWithThrottled_releasesTheClaim_andTheNextTickSendsIt() {
        givenEventStartingIn(Duration.ofDays(30));
        MailSender throttled = (to, raw) -> {
            throw new MailThrottledException();
        };

        SweepState stopped = sweep(ledger, throttled, true).run(() -> true);
        assertThat(stopped.outcome()).isEqualTo(SweepState.Outcome.THROTTLED);
        assertThat(ledger.openJobs()).singleElement().satisfies(job ->
                assertThat(ledger.entry(job, "ann@example.org")).isEmpty());

        assertThat(nextTick(true).sent()).isEqualTo(2);
        assertThat(outbox.recipients()).containsExactly("ann@example.org", "bob@example.org");
    }

    private Event givenEventStartingIn(Duration in) {
        return givenEventStartingIn("e1", "Kubernetes night", in);
    }

    private Event givenEventStartingIn(String id, String title, Duration in) {
        LocalDateTime start = LocalDateTime.ofInstant(T0.plus(in), LONDON);
        Event event = Events.published(id, title, start, start.plusHours(3), LONDON.getId());
        events.create(event);
        return event;
    }

    /** After a dead or stopped run: the next tick finishes the sweep, and each confirmed reader has had one mail. */
    private void assertTheNextTickCompletes_withOneMailEach() {
        assertThat(nextTick(true).outcome()).isEqualTo(SweepState.Outcome.COMPLETE);
        assertThat(outbox.recipients()).containsExactly("ann@example.org", "bob@example.org");
    }

    /** The sweep of the tick after the clock's, with all the time it needs. */
    private SweepState nextTick(boolean announce) {
        clock.advance(TICK);
        return sweep(announce).run(() -> true);
    }

    private ReminderSweep sweep(boolean announce) {
        return sweep(ledger, outbox, announce);
    }

    private ReminderSweep sweep(ReminderLedger withLedger, MailSender sender, boolean announce) {
        var settings = new ReminderSettings(List.of(Duration.ofDays(7), Duration.ofHours(24)), announce,
                "events@example.org");
        var mail = new ReminderMail(SITE, "events@example.org",
                new SubscriberTokens("unit-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), clock);
        return new ReminderSweep(events, subscribers, withLedger, mail, sender, settings, clock);
    }

    /** Keeps what the sweep handed to SES. */
    private static final class Outbox implements MailSender {
        private final List<String> recipients = Collections.synchronizedList(new ArrayList<>());
        private final List<String> subjects = Collections.synchronizedList(new ArrayList<>());
        private final List<String> texts = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String send(String to, byte[] raw) {
            recipients.add(to);
            try {
                ParsedMail mail = ParsedMail.parse(raw);
                subjects.add(mail.message().getSubject());
                texts.add(mail.text());
            } catch (Exception e) {
                throw new AssertionError("Unreadable mail to " + to, e);
            }
            return "message-" + recipients.size();
        }

        List<String> recipients() {
            return List.copyOf(recipients);
        }

        List<String> subjects() {
            return List.copyOf(subjects);
        }

        List<String> texts() {
            return List.copyOf(texts);
        }
    }
}
