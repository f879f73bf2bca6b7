package io.handbill.local.importer;

import io.handbill.validation.FieldError;

import java.util.List;

/**
 * The event-api refused a request, or could not be reached.
 *
 * @see #status() the HTTP status, or 0 when no response came
 */
final class EventsApiException extends Exception {
    private final int status;
    private final List<FieldError> errors;

    EventsApiException(int status, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    int status() {
        return status;
    }

    List<FieldError> errors() {
        return errors;
    }
}
