package io.handbill.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An event's RSVP settings, as organisers edit them.
 *
 * @param capacity places, {@code null} = unlimited (then nobody is waitlisted)
 * @param opensAt  local time in the event's zone from which RSVPs are taken, {@code null} = from publication
 * @param closesAt local time in the event's zone until which RSVPs are taken, {@code null} = until the event ends
 * @param question an optional prompt shown on the form, such as "Any dietary needs?"
 */
public record RsvpSettings(boolean enabled, Integer capacity, LocalDateTime opensAt, LocalDateTime closesAt,
                           String question) {

    /** Whether {@code now} lies in the window set by {@code opensAt} and {@code closesAt}. */
    public boolean openAt(Instant now, ZoneId zone) {
        return (opensAt == null || !now.isBefore(opensAt.atZone(zone).toInstant()))
                && (closesAt == null || now.isBefore(closesAt.atZone(zone).toInstant()));
    }
}
