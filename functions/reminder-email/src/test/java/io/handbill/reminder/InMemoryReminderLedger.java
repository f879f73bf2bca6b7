package io.handbill.reminder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fast fake of {@link ReminderLedger} for the sweep's unit tests, with the conditions of
 * {@link DynamoDbReminderLedger}'s writes; {@link ReminderLedgerContract} holds both to the same behaviour.
 */
final class InMemoryReminderLedger implements ReminderLedger {
    private final Map<String, MailJob> jobs = new LinkedHashMap<>();
    private final Map<String, Announcement> announcements = new HashMap<>();
    private final Map<String, LedgerEntry> entries = new HashMap<>();
    private SweepState sweepState;

    @Override
    public synchronized Optional<SweepState> sweepState() {
        return Optional.ofNullable(sweepState);
    }

    @Override
    public synchronized void saveSweepState(SweepState state) {
        sweepState = state;
    }

    @Override
    public synchronized void openJob(MailJob job) {
        jobs.putIfAbsent(jobKey(job), job);
    }

    @Override
    public synchronized List<MailJob> openJobs() {
        var open = new ArrayList<>(jobs.values());
        open.sort(Comparator.comparing(MailJob::createdAt).thenComparing(MailJob::eventId));
        return open;
    }

    @Override
    public synchronized void saveCursor(MailJob job) {
        jobs.computeIfPresent(jobKey(job), (key, open) -> job);
    }

    @Override
    public synchronized void closeJob(MailJob job) {
        jobs.remove(jobKey(job));
    }

    @Override
    public synchronized Optional<Announcement> announcement(String eventId) {
        return Optional.ofNullable(announcements.get(eventId));
    }

    @Override
    public synchronized void saveAnnouncement(Announcement announcement) {
        announcements.put(announcement.eventId(), announcement);
    }

    @Override
    public synchronized Optional<LedgerEntry> claim(MailJob job, String subscriberKey, String mailing, Instant now,
                                                    Instant expiresAt) {
        LedgerEntry existing = entries.putIfAbsent(entryKey(job, subscriberKey),
                new LedgerEntry(subscriberKey, LedgerEntry.Status.CLAIMED, 1, now, null, mailing));
        return Optional.ofNullable(existing);
    }

    @Override
    public synchronized boolean reclaim(MailJob job, LedgerEntry seen, Instant now) {
        String key = entryKey(job, seen.subscriberKey());
        LedgerEntry stored = entries.get(key);
        if (stored == null || stored.status() != LedgerEntry.Status.CLAIMED || stored.attempts() != seen.attempts()) {
            return false;
        }
        entries.put(key, new LedgerEntry(seen.subscriberKey(), LedgerEntry.Status.CLAIMED, seen.attempts() + 1, now,
                stored.detail(), stored.mailing()));
        return true;
    }

    @Override
    public void markSent(MailJob job, String subscriberKey, String messageId, Instant now) {
        settle(job, subscriberKey, LedgerEntry.Status.SENT, messageId);
    }

    @Override
    public void markRejected(MailJob job, String subscriberKey, String reason, Instant now) {
        settle(job, subscriberKey, LedgerEntry.Status.REJECTED, reason);
    }

    @Override
    public void markFailed(MailJob job, String subscriberKey, Instant now) {
        settle(job, subscriberKey, LedgerEntry.Status.FAILED, "too many interrupted attempts");
    }

    private synchronized void settle(MailJob job, String subscriberKey, LedgerEntry.Status status, String detail) {
        String key = entryKey(job, subscriberKey);
        LedgerEntry stored = entries.get(key);
        if (stored == null) {
            // DynamoDbReminderLedger's update is conditional on the entry's existence
            throw new IllegalStateException("No ledger entry to settle: " + key);
        }
        entries.put(key, new LedgerEntry(subscriberKey, status, stored.attempts(), stored.claimedAt(), detail,
                stored.mailing()));
    }

    @Override
    public synchronized void release(MailJob job, String subscriberKey) {
        entries.computeIfPresent(entryKey(job, subscriberKey),
                (key, entry) -> entry.status() == LedgerEntry.Status.CLAIMED ? null : entry);
    }

    @Override
    public synchronized Optional<LedgerEntry> entry(MailJob job, String subscriberKey) {
        return Optional.ofNullable(entries.get(entryKey(job, subscriberKey)));
    }

    private static String jobKey(MailJob job) {
        return job.eventId() + "#" + job.kind();
    }

    private static String entryKey(MailJob job, String subscriberKey) {
        return jobKey(job) + "/" + subscriberKey;
    }
}
