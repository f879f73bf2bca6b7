package io.handbill.subscribe;

import io.handbill.store.Page;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberState;
import io.handbill.subscriber.SubscriberStore;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The organiser's view of the list: every subscriber as CSV (RFC 4180), and counts by state. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe.
 */
public final class SubscriberExport {
    static final String HEADER = "email,state,subscribed_at,confirmed_at,unsubscribed_at,last_rejected_at,rejection";
    private static final int PAGE = 500;

    /** Counts by state, and how many SES refused for good at least once. */
    public record Summary(int total, int pending, int confirmed, int unsubscribed, int rejected) {
    }

    private final SubscriberStore store;

    public SubscriberExport(SubscriberStore store) {
        this.store = store;
    }

    public String csv() {
        var out = new StringBuilder(HEADER).append("\r\n");
        String cursor = null;
        do {
            Page<Subscriber> page = store.list(cursor, PAGE);
            for (Subscriber s : page.items()) {
                out.append(cell(s.email())).append(',').append(s.state().name()).append(',')
                        .append(time(s.createdAt())).append(',').append(time(s.confirmedAt())).append(',')
                        .append(time(s.unsubscribedAt())).append(',').append(time(s.rejectedAt())).append(',')
                        .append(cell(s.rejection())).append("\r\n");
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out.toString();
    }

    public Summary summary() {
        Map<SubscriberState, Integer> counts = new EnumMap<>(SubscriberState.class);
        int total = 0;
        int rejected = 0;
        String cursor = null;
        do {
            Page<Subscriber> page = store.list(cursor, PAGE);
            for (Subscriber s : page.items()) {
                counts.merge(s.state(), 1, Integer::sum);
                total++;
                rejected += s.rejectedAt() == null ? 0 : 1;
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new Summary(total, counts.getOrDefault(SubscriberState.PENDING, 0),
                counts.getOrDefault(SubscriberState.CONFIRMED, 0), counts.getOrDefault(SubscriberState.UNSUBSCRIBED, 0),
                rejected);
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
