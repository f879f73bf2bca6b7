package io.handbill.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One slot of the evening, in the event's own zone.
 *
 * @param start local start, required
 * @param end   local end, or {@code null} when open-ended ("9:00 – late")
 * @param talkId the {@link Talk#id()} this slot presents, or {@code null}
 */
public record AgendaItem(LocalDateTime start, LocalDateTime end, String title, AgendaKind kind, String talkId) {

    /** The same slot {@code by} later (earlier when negative). */
    public AgendaItem movedBy(Duration by) {
        return new AgendaItem(start.plus(by), end == null ? null : end.plus(by), title, kind, talkId);
    }

    @JsonIgnore
    public boolean isOpenEnded() {
        return end == null;
    }
}
