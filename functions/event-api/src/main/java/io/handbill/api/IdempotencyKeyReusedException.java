package io.handbill.api;

/** An {@code Idempotency-Key} already answered a create with a different body. */
final class IdempotencyKeyReusedException extends RuntimeException {
    IdempotencyKeyReusedException() {
        super("Idempotency key reused with another body", null, false, false);
    }
}
