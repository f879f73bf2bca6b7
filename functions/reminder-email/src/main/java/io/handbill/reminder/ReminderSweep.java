package io.handbill.reminder;

import io.handbill.mail.MailSender;
import io.handbill.mail.MailThrottledException;
import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.rsvp.Attendee;
import io.handbill.store.EventStore;
import io.handbill.store.Page;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * One tick of the reminder schedule. First it turns what came due since the last tick into mail jobs (reminder
 * windows, new events, changes to announced events); then it works through the open jobs until they are done or time
 * runs short, and the next tick carries on from the saved cursors. Reminders and changes (urgent, never batched) go out
 * job by job, subscriber by subscriber; then every subscriber gets the new events still owed to them as one digest
 * ({@link AnnouncementDigest}). A reminder that comes due while its event's announcement is still owed stands for
 * both: one mail, two ledger entries.
 *
 * <p>Each send is guarded by the sent-ledger ({@link LedgerGuardedSend}), so each subscriber gets each mailing at
 * most once, a crash included.
 */
public final class ReminderSweep {
    /** How far back the very first run looks for due windows. */
    static final Duration FIRST_LOOKBACK = Duration.ofMinutes(15);
    private static final Duration HORIZON = Duration.ofDays(400);
    private static final int PAGE = 100;
    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    private final EventStore events;
    private final SubscriberStore subscribers;
    private final ReminderLedger ledger;
    private final ReminderMail mail;
    private final LedgerGuardedSend guarded;
    private final AnnouncementDigest digest;
    private final ReminderSettings settings;
    private final Clock clock;
    private final int pageSize;
    private GoingAttendees going = GoingAttendees.NONE;

    public ReminderSweep(EventStore events, SubscriberStore subscribers, ReminderLedger ledger, ReminderMail mail,
                         MailSender sender, ReminderSettings settings, Clock clock) {
        this(events, subscribers, ledger, mail, sender, settings, clock, PAGE);
    }

    ReminderSweep(EventStore events, SubscriberStore subscribers, ReminderLedger ledger, ReminderMail mail,
                  MailSender sender, ReminderSettings settings, Clock clock, int pageSize) {
        this.pageSize = pageSize;
        this.events = events;
        this.subscribers = subscribers;
        this.ledger = ledger;
        this.mail = mail;
        this.guarded = new LedgerGuardedSend(ledger, sender, subscribers, clock);
        this.digest = new AnnouncementDigest(events, subscribers, ledger, mail, guarded, clock, pageSize);
        this.settings = settings;
        this.clock = clock;
    }

    /** Also reminds the events' GOING attendees; one who also subscribed still gets each reminder once. */
    public ReminderSweep withAttendees(GoingAttendees attendees) {
        this.going = attendees;
        return this;
    }

    /**
     * @param timeLeft false once the run should stop (checked before every send)
     */
    public SweepState run(BooleanSupplier timeLeft) {
        Instant startedAt = clock.instant();
        Optional<SweepState> last = ledger.sweepState();
        Instant from = last.map(SweepState::discoveredUpTo).orElse(startedAt.minus(FIRST_LOOKBACK));
        discover(from, startedAt);
        var progress = new SweepProgress();
        SweepState.Outcome outcome = SweepState.Outcome.COMPLETE;
        List<MailJob> open = ledger.openJobs();
        Map<String, MailJob> announcing = open.stream().filter(MailJob::isAnnouncement)
                .collect(Collectors.toMap(MailJob::eventId, job -> job));
        for (MailJob job : open) {
            if (job.isAnnouncement()) {
                continue;
            }
            outcome = work(job, job.isReminder() ? announcing.get(job.eventId()) : null, timeLeft, progress);
            if (outcome != SweepState.Outcome.COMPLETE) {
                break;
            }
        }
        if (outcome == SweepState.Outcome.COMPLETE && !announcing.isEmpty()) {
            outcome = digest.work(ledger.openJobs(), timeLeft, progress);
        }
        var state = new SweepState(startedAt, startedAt, clock.instant(), outcome, progress.sent(), progress.rejected(),
                ledger.openJobs().size());
        ledger.saveSweepState(state);
        log.info("Reminder sweep {}: sent {}, rejected {}, skipped {}, open jobs {}", outcome, progress.sent(),
                progress.rejected(), progress.skipped(), state.openJobs());
        return state;
    }

    /** Jobs first, then what they were derived from: a crash in between makes the next run derive them again. */
    private void discover(Instant from, Instant now) {
        String cursor = null;
        do {
            Page<Event> page = events.listPublic(now, now.plus(HORIZON), cursor, 100);
            for (Event event : page.items()) {
                boolean reminding = discoverReminders(event, from, now);
                discoverNotices(event, now, reminding);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        ledger.saveSweepState(new SweepState(now, now, null, SweepState.Outcome.DISCOVERED, 0, 0, 0));
    }

    /** @return whether a reminder of this event is due in this run */
    private boolean discoverReminders(Event event, Instant from, Instant now) {
        if (event.status() != EventStatus.PUBLISHED) {
            return false;
        }
        boolean due = false;
        for (Duration window : settings.windows()) {
            Instant dueAt = event.startsAt().minus(window);
            // an event created after its window had passed gets no late reminder for that window
            if (dueAt.isAfter(from) && !dueAt.isAfter(now) && !event.createdAt().isAfter(dueAt)) {
                ledger.openJob(MailJob.reminder(event.id(), window, now));
                due = true;
            }
        }
        return due;
    }

    /**
     * @param reminding a reminder of the event goes out in this run: it tells everything an announcement would, so a
     *                  new event due for its reminder is not announced as well (two mails about one event at once)
     */
    private void discoverNotices(Event event, Instant now, boolean reminding) {
        Optional<Announcement> told = ledger.announcement(event.id());
        if (told.isEmpty()) {
            if (event.status() == EventStatus.PUBLISHED && settings.announceNewEvents() && !reminding) {
                ledger.openJob(MailJob.announcement(event.id(), now));
            }
            ledger.saveAnnouncement(Announcement.of(event));
            return;
        }
        Announcement previous = told.get();
        if (previous.needsNotice(event)) {
            ledger.openJob(MailJob.change(event.id(), event.icsSequence(), previous, now));
        }
        if (!previous.equals(Announcement.of(event))) {
            ledger.saveAnnouncement(Announcement.of(event));
        }
    }

    /**
     * @param announcement the event's announcement job while it is open: a reminder sent to someone still owed it
     *                     stands for it too
     */
    private SweepState.Outcome work(MailJob job, MailJob announcement, BooleanSupplier timeLeft,
                                    SweepProgress progress) {
        Optional<Event> current = events.get(job.eventId());
        if (current.isEmpty() || !stillWorthSending(job, current.get(), clock.instant())) {
            ledger.closeJob(job);
            return SweepState.Outcome.COMPLETE;
        }
        Event event = current.get();
        List<MailJob> jobs = announcement == null ? List.of(job) : List.of(job, announcement);
        var position = new JobPosition(job);
        boolean attendeeHeld = false;
        if (event.rsvp() != null && event.rsvp().enabled()) {
            // attendees first, so that whoever also subscribed gets the attendee's mail (a change updates their
            // invitation); the ledger key is the normalised address either way, so they get one mail, not two
            for (Attendee attendee : going.list(event.id())) {
                if (!timeLeft.getAsBoolean()) {
                    ledger.saveCursor(position.resumable());
                    return SweepState.Outcome.OUT_OF_TIME;
                }
                LedgerGuardedSend.Delivery delivery;
                try {
                    delivery = deliver(jobs, event, Subscriber.pending(attendee.email(), clock.instant()), attendee,
                            progress);
                } catch (MailThrottledException e) {
                    ledger.saveCursor(position.resumable());
                    return SweepState.Outcome.THROTTLED;
                }
                attendeeHeld |= delivery == LedgerGuardedSend.Delivery.HELD_ELSEWHERE;
            }
        }
        String cursor = job.cursor();
        do {
            Page<Subscriber> page = subscribers.confirmed(cursor, pageSize);
            for (Subscriber subscriber : page.items()) {
                if (!timeLeft.getAsBoolean()) {
                    ledger.saveCursor(position.resumable());
                    return SweepState.Outcome.OUT_OF_TIME;
                }
                LedgerGuardedSend.Delivery delivery;
                try {
                    delivery = deliver(jobs, event, subscriber, null, progress);
                } catch (MailThrottledException e) {
                    ledger.saveCursor(position.resumable());
                    return SweepState.Outcome.THROTTLED;
                }
                position.handled(subscriber.key(), delivery);
            }
            cursor = page.nextCursor();
            if (cursor != null) {
                position.handled(cursor, LedgerGuardedSend.Delivery.SKIPPED);
                ledger.saveCursor(position.resumable());
            }
        } while (cursor != null);
        if (position.held() || attendeeHeld) {
            // someone's claim is still within its lease: a later tick goes round again from there
            ledger.saveCursor(position.resumable());
        } else {
            ledger.closeJob(job);
        }
        return SweepState.Outcome.COMPLETE;
    }

    static boolean stillWorthSending(MailJob job, Event event, Instant now) {
        if (!event.startsAt().isAfter(now)) {
            return false;
        }
        return job.isChange() ? event.status().isPublic() : event.status() == EventStatus.PUBLISHED;
    }

    /**
     * One reminder or change (and the announcement it may stand for) to one recipient.
     *
     * @param attendee the recipient's RSVP place, or {@code null} for a subscriber without one
     * @return what became of the reminder or change
     */
    private LedgerGuardedSend.Delivery deliver(List<MailJob> jobs, Event event, Subscriber recipient,
                                               Attendee attendee, SweepProgress progress) {
        var outcome = guarded.deliver(jobs, true, recipient, job -> event.startsAt(), (mailing, to) ->
                mailing.notice().isPresent()
                        ? mail.compose(mailing.notice().get(), event, to, attendee, mailing)
                        : mail.digest(List.of(event), to, mailing));
        progress.count(outcome);
        return outcome.of(jobs.get(0));
    }
}
