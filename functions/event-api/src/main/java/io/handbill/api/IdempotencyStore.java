package io.handbill.api;

import java.time.Instant;
import java.util.Optional;

/** Keeps {@code Idempotency-Key}s of creates for a day, in single-item conditional writes. */
interface IdempotencyStore {

    /**
     * Binds the key to {@code pending} unless an unexpired record already holds it.
     *
     * @return empty when {@code pending} was stored, otherwise the record already there
     */
    Optional<IdempotencyRecord> reserve(IdempotencyRecord pending, Instant now);

    /** Records the response to replay, if the key still belongs to the same event id. */
    void complete(IdempotencyRecord completed);

    /** Forgets a pending key whose create failed for good, so the same request can be tried again later. */
    void release(IdempotencyRecord pending);
}
