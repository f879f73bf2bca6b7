package io.handbill.reminder;

import java.time.Duration;
import java.util.List;

/**
 * How one deployment sends reminders.
 *
 * @param windows           how long before an event's start each reminder goes out ({@code REMINDER_WINDOWS},
 *                          ISO-8601 durations)
 * @param announceNewEvents whether a newly published event is mailed to subscribers once ({@code ANNOUNCE_NEW_EVENTS})
 * @param senderEmail       the From address, verified in SES ({@code SENDER_EMAIL})
 */
public record ReminderSettings(List<Duration> windows, boolean announceNewEvents, String senderEmail) {
    public ReminderSettings {
        windows = List.copyOf(windows);
        if (windows.stream().anyMatch(w -> w.isNegative() || w.isZero())) {
            throw new IllegalArgumentException("Reminder windows must be positive");
        }
    }
}
