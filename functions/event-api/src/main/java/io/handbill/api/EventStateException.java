package io.handbill.api;

import io.handbill.validation.FieldError;

/**
 * The request is valid but the event's current state does not allow it (delete a published event, cancel a draft,
 * change a published slug).
 *
 * @see EventService
 */
final class EventStateException extends RuntimeException {
    private final FieldError error;

    EventStateException(String message) {
        this(null, message);
    }

    EventStateException(FieldError error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    /** The field at fault, or {@code null} when the request as a whole is. */
    FieldError error() {
        return error;
    }
}
