package io.handbill.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.handbill.validation.FieldError;

import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}. {@code errors} is our extension member:
 * one entry per offending field, so clients can branch on {@code field} and {@code code}. Texts are ours, never an
 * exception message.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Content"), Map.entry(428, "Precondition Required"),
            Map.entry(429, "Too Many Requests"), Map.entry(500, "Internal Server Error"),
            Map.entry(503, "Service Unavailable"));

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(int status, String detail) {
        return new Problem("about:blank", TITLES.getOrDefault(status, "Error"), status, detail, List.of());
    }

    public static Problem of(int status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", TITLES.getOrDefault(status, "Error"), status, detail, errors);
    }

    /** 400 naming every offending field. */
    public static Problem invalid(List<FieldError> errors) {
        return of(400, errors.size() == 1 ? "One field is invalid." : errors.size() + " fields are invalid.", errors);
    }

    public static Problem invalid(String field, String code, String message) {
        return invalid(List.of(new FieldError(field, code, message)));
    }
}
