package io.handbill.store;

public class EventNotFoundException extends RuntimeException {
    public EventNotFoundException(String eventId) {
        super("No event " + eventId);
    }
}
