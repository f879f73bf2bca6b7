package io.handbill.subscriber;

/** A link token that is forged, damaged, meant for something else, or (when {@link #expired()}) too old. */
public final class InvalidTokenException extends RuntimeException {
    private final boolean expired;

    public InvalidTokenException(boolean expired) {
        super(expired ? "Token expired" : "Token invalid", null, false, false);
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
