package io.handbill.http;

import java.util.Map;

/**
 * Ends a request with a problem response. Expected outcomes (bad input, auth, conflicts), so it carries no stack
 * trace.
 *
 * @param headers extra response headers, e.g. {@code Allow} for 405 or {@code WWW-Authenticate} for 401
 */
public class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
