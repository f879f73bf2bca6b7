package io.handbill.reminder;

import io.handbill.mail.MailThrottledException;
import io.handbill.model.Event;
import io.handbill.store.EventStore;
import io.handbill.store.Page;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The announcements of a sweep: each confirmed subscriber gets the new events still owed to them as one mail, however
 * many were published since the last tick. Each announcement job keeps its own cursor (one opened by this tick starts
 * at the first subscriber while an older one resumes further on), so the pass starts at the lowest and a subscriber
 * is owed a job's event only past that job's cursor. An event whose reminder job is still open waits: its reminder
 * stands for the announcement ({@link ReminderSweep}), and announcing it beside the reminder is what this avoids.
 */
record AnnouncementDigest(EventStore events, SubscriberStore subscribers, ReminderLedger ledger, ReminderMail mail,
                          LedgerGuardedSend guarded, Clock clock, int pageSize) {
    /** @param open every open job (after the reminders and changes of this tick were worked) */
    SweepState.Outcome work(List<MailJob> open, BooleanSupplier timeLeft, SweepProgress progress) {
        Map<MailJob, Event> due = dueAnnouncements(open);
        if (due.isEmpty()) {
            return SweepState.Outcome.COMPLETE;
        }
        Map<MailJob, JobPosition> positions = new LinkedHashMap<>();
        due.keySet().forEach(job -> positions.put(job, new JobPosition(job)));
        String cursor = lowestCursor(due.keySet());
        do {
            Page<Subscriber> page = subscribers.confirmed(cursor, pageSize);
            for (Subscriber subscriber : page.items()) {
                List<MailJob> owed = due.keySet().stream().filter(job -> isPast(subscriber.key(), job)).toList();
                if (owed.isEmpty()) {
                    continue;
                }
                if (!timeLeft.getAsBoolean()) {
                    saveCursors(positions);
                    return SweepState.Outcome.OUT_OF_TIME;
                }
                LedgerGuardedSend.Outcome outcome;
                try {
                    outcome = guarded.deliver(owed, false, subscriber, job -> due.get(job).startsAt(),
                            (mailing, to) -> mail.digest(mailing.announcements().stream().map(due::get).toList(),
                                    to, mailing));
                } catch (MailThrottledException e) {
                    saveCursors(positions);
                    return SweepState.Outcome.THROTTLED;
                }
                progress.count(outcome);
                owed.forEach(job -> positions.get(job).handled(subscriber.key(), outcome.of(job)));
            }
            cursor = page.nextCursor();
            if (cursor != null) {
                String pageEnd = cursor;
                positions.forEach((job, position) -> {
                    if (isPast(pageEnd, job)) {
                        position.handled(pageEnd, LedgerGuardedSend.Delivery.SKIPPED);
                    }
                });
                saveCursors(positions);
            }
        } while (cursor != null);
        positions.forEach((job, position) -> {
            if (position.held()) {
                // someone's claim is still within its lease: a later tick goes round again from there
                ledger.saveCursor(position.resumable());
            } else {
                ledger.closeJob(job);
            }
        });
        return SweepState.Outcome.COMPLETE;
    }

    /** The open announcements still worth sending, except those of events whose reminder is under way. */
    private Map<MailJob, Event> dueAnnouncements(List<MailJob> open) {
        Set<String> reminding = open.stream().filter(MailJob::isReminder).map(MailJob::eventId)
                .collect(Collectors.toSet());
        Map<MailJob, Event> due = new LinkedHashMap<>();
        for (MailJob job : open) {
            if (!job.isAnnouncement() || reminding.contains(job.eventId())) {
                continue;
            }
            events.get(job.eventId())
                    .filter(event -> ReminderSweep.stillWorthSending(job, event, clock.instant()))
                    .ifPresentOrElse(event -> due.put(job, event), () -> ledger.closeJob(job));
        }
        return due;
    }

    private void saveCursors(Map<MailJob, JobPosition> positions) {
        positions.values().forEach(position -> ledger.saveCursor(position.resumable()));
    }

    /** Whether the job has not handled {@code key} yet: subscriber keys sort as DynamoDB sorts them, by UTF-8 bytes. */
    private static boolean isPast(String key, MailJob job) {
        return job.cursor() == null || compare(key, job.cursor()) > 0;
    }

    /** @return {@code null} (the first subscriber) when any job has not started */
    private static String lowestCursor(Iterable<MailJob> jobs) {
        String lowest = null;
        for (MailJob job : jobs) {
            if (job.cursor() == null) {
                return null;
            }
            if (lowest == null || compare(job.cursor(), lowest) < 0) {
                lowest = job.cursor();
            }
        }
        return lowest;
    }

    private static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
