package io.handbill.rsvp;

import java.util.Locale;

/**
 * Where an RSVP stands. CLAIMING and RELEASING are the durable "half-way" marks of a place being taken or given
 * back: whoever finds one finishes it (see {@code RsvpService}), so a crash never leaves a place counted twice or
 * not at all.
 */
public enum AttendeeState {
    /** Asked, not yet confirmed by the mailed link: holds no place, expires after 48 hours. */
    PENDING,
    /** Confirmed; a place is being claimed for them (or they are being promoted from the waitlist). */
    CLAIMING,
    GOING,
    WAITLISTED,
    /** Cancelled while GOING; their place is being given back. */
    RELEASING,
    CANCELLED;

    /** The state as the CSV export and the admin API name it: going, waitlisted, pending or cancelled. */
    public String publicName() {
        return switch (this) {
            case PENDING, CLAIMING -> "pending";
            case RELEASING -> "cancelled";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }
}
