package io.handbill.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reminder function's own records in the table: the sent-ledger, open mail jobs, what was last announced per
 * event, and the sweep's state. Every write is a single-item (conditional) write.
 */
public interface ReminderLedger {

    Optional<SweepState> sweepState();

    void saveSweepState(SweepState state);

    /** Adds a job unless one with the same event and kind is open already (which keeps its cursor). */
    void openJob(MailJob job);

    List<MailJob> openJobs();

    void saveCursor(MailJob job);

    void closeJob(MailJob job);

    Optional<Announcement> announcement(String eventId);

    void saveAnnouncement(Announcement announcement);

    /**
     * Claims the right to send {@code job} to a subscriber, as part of {@code mailing}: a conditional put that only one
     * caller can win. A mail covering several entries claims each so; what another caller holds stays out of it.
     *
     * @return empty when this call claimed it (attempt 1); otherwise the entry that was there
     */
    Optional<LedgerEntry> claim(MailJob job, String subscriberKey, String mailing, Instant now, Instant expiresAt);

    /**
     * Takes over a CLAIMED entry whose sender vanished, if nobody else did since it was read; it keeps its mailing.
     *
     * @return whether this call took it (as attempt {@code seen.attempts() + 1})
     */
    boolean reclaim(MailJob job, LedgerEntry seen, Instant now);

    void markSent(MailJob job, String subscriberKey, String messageId, Instant now);

    void markRejected(MailJob job, String subscriberKey, String reason, Instant now);

    void markFailed(MailJob job, String subscriberKey, Instant now);

    /** Drops a claim whose send SES certainly did not take (throttled), so the next run sends it without waiting. */
    void release(MailJob job, String subscriberKey);

    Optional<LedgerEntry> entry(MailJob job, String subscriberKey);
}
