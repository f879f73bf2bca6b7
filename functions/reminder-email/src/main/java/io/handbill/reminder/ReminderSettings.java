package io.handbill.reminder;

import io.handbill.aws.Env;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How one deployment sends reminders.
 *
 * @param windows           how long before an event's start each reminder goes out ({@code REMINDER_WINDOWS},
 *                          ISO-8601 durations, default {@code P7D,PT24H})
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

    public static ReminderSettings fromEnv() {
        return new ReminderSettings(parseWindows(Env.optional("REMINDER_WINDOWS", "P7D,PT24H")),
                Boolean.parseBoolean(Env.optional("ANNOUNCE_NEW_EVENTS", "true")), Env.required("SENDER_EMAIL"));
    }

    public static List<Duration> parseWindows(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Duration::parse)
                .toList();
    }
}
