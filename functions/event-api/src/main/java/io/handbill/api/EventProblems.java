package io.handbill.api;

import io.handbill.http.Problem;
import io.handbill.store.AliasTakenException;
import io.handbill.store.EventNotFoundException;
import io.handbill.store.InvalidCursorException;
import io.handbill.store.SeriesNotFoundException;
import io.handbill.store.SlugTakenException;
import io.handbill.store.VersionConflictException;
import io.handbill.validation.FieldError;

import java.util.List;

/** The one place where an expected failure of the event API becomes an HTTP problem; anything else is a 500. */
final class EventProblems {
    static final String UNEXPECTED_DETAIL = "Something went wrong on our side. Nothing was changed unless a later "
            + "read shows it; please try again.";

    private EventProblems() {
    }

    /** The problem for an expected failure, or {@code null} for a bug or an outage. */
    static Problem of(RuntimeException e) {
        if (e instanceof InvalidRequestException invalid) {
            return Problem.invalid(invalid.errors());
        }
        if (e instanceof EventNotFoundException) {
            return Problem.of(404, "There is no event with this id.");
        }
        if (e instanceof SeriesNotFoundException) {
            return Problem.of(404, "There is no series with this id.");
        }
        if (e instanceof VersionConflictException) {
            return Problem.of(412, "The event changed since you read it. Read it again, reapply your change and "
                    + "send it with the new ETag in If-Match.");
        }
        if (e instanceof SlugTakenException) {
            return Problem.of(409, "Another event already uses this slug.",
                    List.of(new FieldError("slug", "taken", "Another event already uses this slug")));
        }
        if (e instanceof AliasTakenException alias) {
            return Problem.of(409, "Another event already redirects from this alias.",
                    List.of(new FieldError("aliases[" + alias.index() + "]", "taken",
                            "Another event already redirects from this path")));
        }
        if (e instanceof EventStateException state) {
            return Problem.of(409, state.getMessage(), state.error() == null ? List.of() : List.of(state.error()));
        }
        if (e instanceof IdempotencyKeyReusedException) {
            return Problem.of(422, "This Idempotency-Key was already used with a different body. Use a new key "
                    + "for a different request.");
        }
        if (e instanceof InvalidCursorException) {
            return Problem.invalid("cursor", "invalid", "Use the nextCursor of a previous page, unchanged");
        }
        return null;
    }
}
