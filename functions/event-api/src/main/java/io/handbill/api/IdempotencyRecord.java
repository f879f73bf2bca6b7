package io.handbill.api;

import java.time.Instant;

/**
 * What an {@code Idempotency-Key} is bound to. Written before the event (with the event id chosen up front), so a
 * crash at any point leaves a record from which a retry finishes the same create instead of starting another.
 *
 * @param requestHash SHA-256 of the canonical request body: the same key with another body is refused
 * @param eventId     the id the create uses, fixed before the event is written
 * @param expiresAt   when the key may be forgotten (DynamoDB TTL)
 * @param response    the response to replay, or {@code null} while the create has not finished
 */
record IdempotencyRecord(String key, String requestHash, String eventId, Instant expiresAt, CreatedEvent response) {
    static IdempotencyRecord pending(String key, String requestHash, String eventId, Instant expiresAt) {
        return new IdempotencyRecord(key, requestHash, eventId, expiresAt, null);
    }

    boolean isComplete() {
        return response != null;
    }

    IdempotencyRecord completedWith(CreatedEvent created) {
        return new IdempotencyRecord(key, requestHash, eventId, expiresAt, created);
    }
}
