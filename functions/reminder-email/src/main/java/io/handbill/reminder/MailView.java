package io.handbill.reminder;

import java.util.List;

/**
 * What one email says, as plain strings: the HTML template escapes every one of them, and {@link ReminderMail}
 * writes the same content as plain text.
 */
public record MailView(String heading, String intro, String title, String summary, String when,
                       List<String> venueLines, String venueUrl, List<Slot> agenda, List<Change> changes,
                       String cancelReason, String eventUrl, String icsUrl, List<Link> tickets,
                       String unsubscribeUrl, String groupName) {

    /** An agenda line, e.g. 19:20 – 20:05, "Kubernetes networking", "Jane Doe". */
    public record Slot(String time, String title, String detail) {
    }

    /** One thing that changed: what, before, after. */
    public record Change(String what, String before, String after) {
    }

    public record Link(String label, String url) {
    }
}
