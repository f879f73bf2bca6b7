package io.handbill.sync.ics;

/** The feed is not an iCalendar file (a login page, a 404 page, a JSON error, a truncated download). */
public final class NotICalendarException extends Exception {
    public NotICalendarException(String message) {
        super(message);
    }
}
