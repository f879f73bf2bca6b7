package io.handbill.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The one record per series and date that makes generation exactly-once: whoever writes it first makes the
 * occurrence, with the event id it names.
 *
 * @param state CLAIMED until the event exists, then CREATED (so a later deletion by the organiser is not undone);
 *              SKIPPED when there is no meetup that day
 */
public record OccurrenceClaim(String seriesId, LocalDate date, String eventId, State state) {
    public enum State { CLAIMED, CREATED, SKIPPED }

    public OccurrenceClaim {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(state, "state");
    }
}
