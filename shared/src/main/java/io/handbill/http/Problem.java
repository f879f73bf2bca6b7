package io.handbill.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.handbill.validation.FieldError;

import java.util.List;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}. {@code errors} is our extension member:
 * one entry per offending field, so clients can branch on {@code field} and {@code code}. Texts are ours, never an
 * exception message.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String detail) {
        return new Problem("about:blank", ReasonPhrases.of(status, "Error"), status, detail, List.of());
    }

    public static Problem of(int status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", ReasonPhrases.of(status, "Error"), status, detail, errors);
    }

    /** 400 naming every offending field. */
    public static Problem invalid(List<FieldError> errors) {
        return of(400, errors.size() == 1 ? "One field is invalid." : errors.size() + " fields are invalid.", errors);
    }

    public static Problem invalid(String field, String code, String message) {
        return invalid(List.of(new FieldError(field, code, message)));
    }
}
