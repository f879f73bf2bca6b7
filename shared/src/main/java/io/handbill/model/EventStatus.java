package io.handbill.model;

/** Lifecycle of an event. Only PUBLISHED and CANCELLED events are ever public. */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED;

    public boolean isPublic() {
        return this != DRAFT;
    }
}
