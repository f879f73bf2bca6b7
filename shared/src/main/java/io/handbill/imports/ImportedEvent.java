package io.handbill.imports;

import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;

import java.util.Objects;

/**
 * One event as a source (a Hugo post, an iCalendar VEVENT) describes it.
 *
 * @param origin       where it was read, for messages: a file, or {@code feed.ics:120}
 * @param draft        the event's fields; its slug may be {@code null} (then one is made from date and title)
 * @param sourceUid    the source's stable id for it, stored on the event to find it again
 * @param status       what the source says it is: DRAFT (not live), PUBLISHED, or CANCELLED
 * @param cancelReason shown when the import cancels the event
 * @param matchBySlug  also match an event that has the draft's slug or one of its aliases (Hugo posts, whose events
 *                     may predate import records)
 */
public record ImportedEvent(String origin, EventDraft draft, String sourceUid, EventStatus status,
                            String cancelReason, boolean matchBySlug) {
    public ImportedEvent {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(sourceUid, "sourceUid");
        Objects.requireNonNull(status, "status");
    }
}
