package io.handbill.subscribe;

import java.time.Duration;

/** A client asked more often than {@link SubscribeLimits} allow; it may ask again after {@code retryAfter}. */
public final class TooManyRequestsException extends RuntimeException {
    private final Duration retryAfter;

    TooManyRequestsException(Duration retryAfter) {
        super("Too many subscribe requests from one client");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
