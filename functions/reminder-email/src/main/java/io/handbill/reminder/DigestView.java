package io.handbill.reminder;

import java.util.List;

/**
 * What a digest of new events says, as plain strings: {@code digest.jte} escapes every one of them, and
 * {@link #text} writes the same content as plain text.
 */
public record DigestView(String heading, String intro, List<Item> events, String unsubscribeUrl, String groupName) {

    /** One new event: its local date and time as pages say it, where (or {@code null}), its page and .ics links. */
    public record Item(String title, String summary, String when, String venue, String eventUrl, String icsUrl) {
    }

    static String text(DigestView view) {
        var out = new StringBuilder();
        out.append(view.heading()).append("\n\n").append(view.intro()).append('\n');
        for (Item event : view.events()) {
            out.append('\n').append(event.title()).append('\n');
            if (event.summary() != null) {
                out.append(event.summary()).append('\n');
            }
            out.append("When: ").append(event.when()).append('\n');
            if (event.venue() != null) {
                out.append("Where: ").append(event.venue()).append('\n');
            }
            out.append("Event page: ").append(event.eventUrl()).append('\n');
            out.append("Add to calendar: ").append(event.icsUrl()).append('\n');
        }
        out.append("\n-- \nYou get this because you asked ").append(view.groupName())
                .append(" for event emails.\nUnsubscribe: ").append(view.unsubscribeUrl()).append('\n');
        return out.toString();
    }
}
