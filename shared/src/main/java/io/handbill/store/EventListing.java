package io.handbill.store;

import io.handbill.model.EventStatus;

import java.time.Instant;

/**
 * What an admin listing asks for.
 *
 * @param status only events in this state, or {@code null} for all
 * @param when   upcoming (start at or after {@code now}, soonest first), past (before, latest first) or all (by start)
 * @param cursor from a previous {@link Page}, or {@code null}
 * @param limit  1..100
 */
public record EventListing(EventStatus status, When when, Instant now, String cursor, int limit) {
    public enum When { UPCOMING, PAST, ALL }

    public EventListing {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be 1..100");
        }
        if (when == null) {
            when = When.ALL;
        }
    }
}
