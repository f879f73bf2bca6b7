package io.handbill.reminder;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One mailing to every confirmed subscriber about one event: a reminder for one window, the announcement of a new
 * event, or the notice of a change. Its {@link #kind()} is part of every sent-ledger key, so each subscriber gets
 * each mailing at most once.
 *
 * @param kind     {@code REMINDER-<ISO duration>}, {@code ANNOUNCE} or {@code CHANGE-<icsSequence>}
 * @param previous for a change: what subscribers had last been told; otherwise {@code null}
 * @param cursor   the last subscriber key fully handled, or {@code null} when not started
 */
public record MailJob(String eventId, String kind, Announcement previous, String cursor, Instant createdAt) {
    public MailJob {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static MailJob reminder(String eventId, Duration window, Instant now) {
        return new MailJob(eventId, "REMINDER-" + window, null, null, now);
    }

    public static MailJob announcement(String eventId, Instant now) {
        return new MailJob(eventId, "ANNOUNCE", null, null, now);
    }

    public static MailJob change(String eventId, int icsSequence, Announcement previous, Instant now) {
        return new MailJob(eventId, "CHANGE-" + icsSequence, previous, null, now);
    }

    @JsonIgnore
    public boolean isReminder() {
        return kind.startsWith("REMINDER-");
    }

    @JsonIgnore
    public boolean isAnnouncement() {
        return kind.equals("ANNOUNCE");
    }

    @JsonIgnore
    public boolean isChange() {
        return kind.startsWith("CHANGE-");
    }

    /** The reminder window; only for reminders. */
    @JsonIgnore
    public Duration window() {
        return Duration.parse(kind.substring("REMINDER-".length()));
    }

    public MailJob at(String newCursor) {
        return new MailJob(eventId, kind, previous, newCursor, createdAt);
    }
}
