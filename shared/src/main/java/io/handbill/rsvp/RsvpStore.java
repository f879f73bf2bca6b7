package io.handbill.rsvp;

import io.handbill.store.Page;

import java.time.Instant;
import java.util.Optional;

/**
 * RSVPs, each event's place counter and the RSVP mail ledger. Every method is one single-item (conditional) write
 * or one read: DynamoDB transactions are not used (dynalite has none), so the callers' order of steps is what
 * keeps the counter right; see {@code RsvpService}.
 */
public interface RsvpStore {

    enum Claim {
        /** This call took a place. */
        TAKEN,
        /** A place was taken for this attendee before (a retry after a crash). */
        ALREADY_TAKEN,
        /** No place is free. */
        FULL
    }

    enum MailClaim { SEND, SENT, HELD }

    Optional<Attendee> get(String eventId, String attendeeId);

    /** @return false when an RSVP with this id exists already */
    boolean create(Attendee attendee, Instant expiresAt);

    /** Replaces the RSVP if its stored version is still {@code next.version() - 1}; a non-PENDING one never expires. */
    boolean update(Attendee next);

    /** Every RSVP of the event, in id order, {@code limit} at a time. */
    Page<Attendee> list(String eventId, String cursor, int limit);

    /** The next confirmation number of the event: 1, 2, ... (numbers lost to a crash leave harmless gaps). */
    long nextSequence(String eventId);

    /**
     * Takes one place for the attendee if fewer than {@code capacity} are taken: one conditional update of the
     * counter, which also notes {@code claims[attendeeId] = sequence}, so a retry of the same confirmation can tell
     * it happened.
     */
    Claim claimPlace(String eventId, String attendeeId, int capacity, long sequence);

    /** Forgets the open claim once the attendee's state says GOING. */
    void closeClaim(String eventId, String attendeeId);

    /**
     * Gives one place back, once per confirmation ({@code releases[attendeeId] = sequence}).
     *
     * @return false when this release was counted already
     */
    boolean releasePlace(String eventId, String attendeeId, long sequence);

    /** Forgets the open release once the attendee's state says CANCELLED. */
    void closeRelease(String eventId, String attendeeId);

    /** Places taken now. */
    int going(String eventId);

    /**
     * Claims the right to send one RSVP mail: a conditional put that only one caller wins, written before sending.
     * A claim older than {@code lease} whose mail was not marked sent may be taken over (its sender died).
     *
     * @return SEND when this call may send, SENT when it went out before, HELD while another sender holds it
     */
    MailClaim claimMail(String eventId, String mailKey, Instant now, java.time.Duration lease, Instant expiresAt);

    void markMailSent(String eventId, String mailKey, String messageId, Instant now);
}
