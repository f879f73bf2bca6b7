package io.handbill.store;

/** The stored version is not the one the writer started from: someone else changed it first. */
public class VersionConflictException extends RuntimeException {
    public VersionConflictException(String eventId) {
        super("Event " + eventId + " changed since it was read");
    }
}
