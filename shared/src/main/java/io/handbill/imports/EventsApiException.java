package io.handbill.imports;

import io.handbill.validation.FieldError;

import java.util.List;

/**
 * The event-api refused a request, or could not be reached.
 *
 * @see #status() the HTTP status, or 0 when no response came
 */
public final class EventsApiException extends Exception {
    private final int status;
    private final List<FieldError> errors;

    public EventsApiException(int status, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Not this request's fault: the API cannot be used at all (unreachable, or the token is refused). */
    public boolean stopsTheImport() {
        return status == 0 || status == 401 || status == 403;
    }
}
