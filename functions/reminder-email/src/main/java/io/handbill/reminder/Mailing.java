package io.handbill.reminder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The sent-ledger entries that one mail to one recipient covers: a reminder or a change alone, a reminder that also
 * stands for its event's announcement, or a digest of new events. Every entry it claimed stores its {@link #id()}, so a
 * run that takes over a dead run's claims sends that same mail again (same events, same Message-ID) rather than
 * folding them into a new one, and events published meanwhile go in a mail of their own.
 *
 * @param id   {@code <eventId>|<kind>} for a single job (the Message-ID seed mails have always had), else
 *             {@code several|<hash>}
 * @param jobs what it covers, at least one
 */
record Mailing(String id, List<MailJob> jobs) {
    Mailing {
        jobs = List.copyOf(jobs);
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("A mailing covers at least one job");
        }
    }

    /**
     * The id for a mail that would cover {@code candidates}. One of several jobs hashes the instant of its claim too:
     * a later mail about the same jobs (after a throttled send was released, or beside a dead run's claims) is then a
     * new mail, never one with the Message-ID of an older, perhaps sent one.
     */
    static String idFor(List<MailJob> candidates, Instant claimedAt) {
        if (candidates.size() == 1) {
            return key(candidates.get(0));
        }
        var seed = new StringBuilder(claimedAt.toString());
        candidates.stream().map(Mailing::key).sorted().forEach(key -> seed.append(',').append(key));
        return "several|" + sha256(seed.toString());
    }

    static String key(MailJob job) {
        return job.eventId() + "|" + job.kind();
    }

    /** The reminder or change this mail is about; empty for announcements only. */
    Optional<MailJob> notice() {
        return jobs.stream().filter(job -> !job.isAnnouncement()).findFirst();
    }

    List<MailJob> announcements() {
        return jobs.stream().filter(MailJob::isAnnouncement).toList();
    }

    boolean announces(String eventId) {
        return announcements().stream().anyMatch(job -> job.eventId().equals(eventId));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
