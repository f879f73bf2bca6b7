package io.handbill.http;

/**
 * Turns a function's expected failures (a missing event, a stale version) into problems. Anything it does not
 * know is a bug or an outage: {@link HttpApi} logs it with its stack trace and answers 500.
 */
@FunctionalInterface
public interface ExpectedFailures {
    /** A function whose expected failures all arrive as {@link ProblemException}s. */
    ExpectedFailures NONE = e -> null;

    /** The problem for an expected failure, or {@code null} for anything else. */
    Problem problemFor(RuntimeException e);
}
