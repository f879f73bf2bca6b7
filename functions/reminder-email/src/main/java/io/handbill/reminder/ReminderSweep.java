package io.handbill.reminder;

import io.handbill.mail.MailRejectedException;
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
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One tick of the reminder schedule. First it turns what came due since the last tick into mail jobs (reminder
 * windows, new events, changes to announced events); then it works through the open jobs, subscriber by subscriber,
 * until they are done or time runs short, and the next tick carries on from the saved cursor.
 *
 * <p>Each send is guarded by the sent-ledger: claim (conditional put) → send → record the outcome. A crash after the
 * claim leaves a CLAIMED entry that is retried only once its lease has run out, so two live runs never send the same
 * mail; the price of a crash between the send and its record is one repeated SES call, which carries the same
 * Message-ID.
 */
public final class ReminderSweep {
    /** Longer than any run may last (Lambda's maximum timeout), so a CLAIMED entry this old has no live sender. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(15);
    static final int MAX_ATTEMPTS = 3;
    /** How far back the very first run looks for due windows. */
    static final Duration FIRST_LOOKBACK = Duration.ofMinutes(15);
    /** Ledger entries outlive their event by this much, then DynamoDB TTL removes them. */
    static final Duration LEDGER_RETENTION = Duration.ofDays(30);
    private static final Duration HORIZON = Duration.ofDays(400);
    private static final int PAGE = 100;
    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    private final EventStore events;
    private final SubscriberStore subscribers;
    private final ReminderLedger ledger;
    private final ReminderMail mail;
    private final MailSender sender;
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
        this.sender = sender;
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
        var progress = new Progress();
        SweepState.Outcome outcome = SweepState.Outcome.COMPLETE;
        for (MailJob job : ledger.openJobs()) {
            outcome = work(job, timeLeft, progress);
            if (outcome != SweepState.Outcome.COMPLETE) {
                break;
            }
        }
        var state = new SweepState(startedAt, startedAt, clock.instant(), outcome, progress.sent, progress.rejected,
                ledger.openJobs().size());
        ledger.saveSweepState(state);
        log.info("Reminder sweep {}: sent {}, rejected {}, skipped {}, open jobs {}", outcome, progress.sent,
                progress.rejected, progress.skipped, state.openJobs());
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

    private SweepState.Outcome work(MailJob job, BooleanSupplier timeLeft, Progress progress) {
        Optional<Event> current = events.get(job.eventId());
        if (current.isEmpty() || !stillWorthSending(job, current.get())) {
            ledger.closeJob(job);
            return SweepState.Outcome.COMPLETE;
        }
        Event event = current.get();
        var position = new Position(job);
        boolean attendeeHeld = false;
        if (!job.isAnnouncement() && event.rsvp() != null && event.rsvp().enabled()) {
            // attendees first, so that whoever also subscribed gets the attendee's mail (a change updates their
            // invitation); the ledger key is the normalised address either way, so they get one mail, not two
            for (Attendee attendee : going.list(event.id())) {
                if (!timeLeft.getAsBoolean()) {
                    ledger.saveCursor(position.resumable());
                    return SweepState.Outcome.OUT_OF_TIME;
                }
                Delivery delivery;
                try {
                    delivery = deliver(job, event, Subscriber.pending(attendee.email(), clock.instant()), attendee);
                } catch (MailThrottledException e) {
                    ledger.saveCursor(position.resumable());
                    return SweepState.Outcome.THROTTLED;
                }
                progress.count(delivery);
                attendeeHeld |= delivery == Delivery.HELD_ELSEWHERE;
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
                Delivery delivery;
                try {
                    delivery = deliver(job, event, subscriber, null);
                } catch (MailThrottledException e) {
                    ledger.saveCursor(position.resumable());
                    return SweepState.Outcome.THROTTLED;
                }
                progress.count(delivery);
                position.handled(subscriber.key(), delivery);
            }
            cursor = page.nextCursor();
            if (cursor != null) {
                position.handled(cursor, Delivery.SKIPPED);
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

    /**
     * How far a job got. Its saved cursor never passes a subscriber whose claim was held by another (or a dead)
     * run, so that one is retried even if this run stops later for time or dies.
     */
    private static final class Position {
        private MailJob at;
        private boolean held;
        private String retryFrom;

        Position(MailJob job) {
            this.at = job;
        }

        void handled(String key, Delivery delivery) {
            if (delivery == Delivery.HELD_ELSEWHERE && !held) {
                held = true;
                retryFrom = at.cursor();
            }
            at = at.at(key);
        }

        boolean held() {
            return held;
        }

        MailJob resumable() {
            return held ? at.at(retryFrom) : at;
        }
    }

    private boolean stillWorthSending(MailJob job, Event event) {
        Instant now = clock.instant();
        if (!event.startsAt().isAfter(now)) {
            return false;
        }
        return job.isChange() ? event.status().isPublic() : event.status() == EventStatus.PUBLISHED;
    }

    enum Delivery { SENT, REJECTED, SKIPPED, HELD_ELSEWHERE }

    /** @param attendee the recipient's RSVP place, or {@code null} for a subscriber without one */
    private Delivery deliver(MailJob job, Event event, Subscriber subscriber, Attendee attendee) {
        Instant now = clock.instant();
        Optional<LedgerEntry> existing = ledger.claim(job, subscriber.key(), now,
                event.startsAt().plus(LEDGER_RETENTION));
        if (existing.isPresent()) {
            LedgerEntry entry = existing.get();
            if (entry.settled()) {
                return Delivery.SKIPPED;
            }
            if (entry.claimedAt().plus(CLAIM_LEASE).isAfter(now)) {
                return Delivery.HELD_ELSEWHERE;
            }
            if (entry.attempts() >= MAX_ATTEMPTS) {
                ledger.markFailed(job, subscriber.key(), now);
                return Delivery.SKIPPED;
            }
            if (!ledger.reclaim(job, entry, now)) {
                return Delivery.HELD_ELSEWHERE;
            }
        }
        byte[] message = mail.compose(job, event, subscriber, attendee);
        String messageId;
        try {
            messageId = sender.send(subscriber.email(), message);
        } catch (MailRejectedException e) {
            ledger.markRejected(job, subscriber.key(), e.reason(), clock.instant());
            subscribers.update(subscriber.rejected(e.reason(), clock.instant()));
            return Delivery.REJECTED;
        } catch (MailThrottledException e) {
            ledger.release(job, subscriber.key());
            throw e;
        }
        ledger.markSent(job, subscriber.key(), messageId, clock.instant());
        return Delivery.SENT;
    }

    private static final class Progress {
        int sent;
        int rejected;
        int skipped;

        void count(Delivery delivery) {
            switch (delivery) {
                case SENT -> sent++;
                case REJECTED -> rejected++;
                default -> skipped++;
            }
        }
    }
}
