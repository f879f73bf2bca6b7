package io.handbill.subscriber;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone who asked for reminder emails.
 *
 * @param key                the normalised address ({@link EmailAddresses#normalise}): the lookup key
 * @param email              the address as the person last typed it; mail goes here
 * @param version            optimistic-locking counter, 1 on creation, +1 on every write
 * @param confirmationSentAt when the last confirmation mail went out (the per-address cooldown), or {@code null}
 * @param rejectedAt         when SES last refused a message to this address for good, or {@code null}
 * @param rejection          SES's reason for that refusal, or {@code null}
 */
public record Subscriber(String key, String email, SubscriberState state, long version, Instant createdAt,
                         Instant updatedAt, Instant confirmedAt, Instant unsubscribedAt, Instant confirmationSentAt,
                         Instant rejectedAt, String rejection) {

    public Subscriber {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new PENDING subscriber whose confirmation mail is being sent now. */
    public static Subscriber pending(String email, Instant now) {
        return new Subscriber(EmailAddresses.normalise(email), email.strip(), SubscriberState.PENDING, 1, now, now,
                null, null, now, null, null);
    }

    /** Asked again: the address as now typed, a fresh confirmation mail, and back to PENDING if they had left. */
    public Subscriber resubscribe(String typed, Instant now) {
        SubscriberState next = state == SubscriberState.UNSUBSCRIBED ? SubscriberState.PENDING : state;
        return new Subscriber(key, typed.strip(), next, version + 1, createdAt, now, confirmedAt, unsubscribedAt, now,
                rejectedAt, rejection);
    }

    public Subscriber confirm(Instant now) {
        return new Subscriber(key, email, SubscriberState.CONFIRMED, version + 1, createdAt, now, now, unsubscribedAt,
                confirmationSentAt, null, null);
    }

    public Subscriber unsubscribe(Instant now) {
        return new Subscriber(key, email, SubscriberState.UNSUBSCRIBED, version + 1, createdAt, now, confirmedAt, now,
                confirmationSentAt, rejectedAt, rejection);
    }

    public Subscriber rejected(String reason, Instant now) {
        return new Subscriber(key, email, state, version + 1, createdAt, now, confirmedAt, unsubscribedAt,
                confirmationSentAt, now, reason);
    }
}
