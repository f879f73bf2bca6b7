package io.handbill.rsvp;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's RSVP to one event.
 *
 * @param id                 opaque, stable per event and mailbox (HMAC of both): admin links and tokens use it
 * @param email              as typed; mail goes here
 * @param sequence           confirmation order (1, 2, ...), 0 until confirmed: the waitlist is promoted in this order
 * @param version            optimistic-locking counter, 1 on creation, +1 on every write
 * @param confirmationSentAt when the last confirmation mail was asked for
 * @param withdrawn          how many of their invitations an iTIP CANCEL has taken back (places they gave up): see
 *                           {@link #invitationSequence}
 */
public record Attendee(String eventId, String id, String email, String name, String answer, AttendeeState state,
                       long sequence, long version, Instant createdAt, Instant updatedAt, Instant confirmedAt,
                       Instant cancelledAt, Instant checkedInAt, Instant confirmationSentAt, int withdrawn) {
    public Attendee {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Attendee pending(String eventId, String id, String email, String name, String answer, Instant now) {
        return new Attendee(eventId, id, email, name, answer, AttendeeState.PENDING, 0, 1, now, now, null, null, null,
                now, 0);
    }

    /** Asked again while pending or after cancelling: fresh details, a fresh confirmation mail. */
    public Attendee askedAgain(String newEmail, String newName, String newAnswer, Instant now) {
        AttendeeState next = state == AttendeeState.CANCELLED ? AttendeeState.PENDING : state;
        return new Attendee(eventId, id, newEmail, newName, newAnswer, next, next == state ? sequence : 0,
                version + 1, createdAt, now, confirmedAt, cancelledAt, checkedInAt, now, withdrawn);
    }

    public Attendee claiming(long newSequence, Instant now) {
        return new Attendee(eventId, id, email, name, answer, AttendeeState.CLAIMING, newSequence, version + 1,
                createdAt, now, now, cancelledAt, checkedInAt, confirmationSentAt, withdrawn);
    }

    /** From the waitlist back to CLAIMING, keeping the confirmation time and order. */
    public Attendee promoting(Instant now) {
        return in(AttendeeState.CLAIMING, now);
    }

    public Attendee in(AttendeeState next, Instant now) {
        Instant cancelled = next == AttendeeState.CANCELLED || next == AttendeeState.RELEASING ? now : cancelledAt;
        return new Attendee(eventId, id, email, name, answer, next, sequence, version + 1, createdAt, now,
                confirmedAt, cancelled, checkedInAt, confirmationSentAt, withdrawn);
    }

    /** A RELEASING place given up for good, after the CANCEL that withdrew their invitation went out. */
    public Attendee released(Instant now) {
        return new Attendee(eventId, id, email, name, answer, AttendeeState.CANCELLED, sequence, version + 1,
                createdAt, now, confirmedAt, now, checkedInAt, confirmationSentAt, withdrawn + 1);
    }

    /**
     * The iCalendar SEQUENCE of this person's copy of the event, for an event at {@code eventSequence}: calendars
     * apply a REQUEST or CANCEL only when it is newer than the copy they hold. Each withdrawn place costs two steps,
     * one for its CANCEL ({@link #cancellationSequence}) and one so that an invitation after re-RSVPing outranks
     * that CANCEL; the event's own changes raise {@code eventSequence}, so every later mail is newer than the last.
     */
    public int invitationSequence(int eventSequence) {
        return eventSequence + 2 * withdrawn;
    }

    /** The SEQUENCE of the CANCEL that withdraws the invitation they hold: one above it. */
    public int cancellationSequence(int eventSequence) {
        return invitationSequence(eventSequence) + 1;
    }

    public Attendee checkedIn(Instant now) {
        return new Attendee(eventId, id, email, name, answer, state, sequence, version + 1, createdAt, now,
                confirmedAt, cancelledAt, now, confirmationSentAt, withdrawn);
    }
}
