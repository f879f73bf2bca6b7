package io.handbill.subscribe;

import io.handbill.model.Event;
import io.handbill.rsvp.Attendee;
import io.handbill.rsvp.AttendeeState;
import io.handbill.rsvp.RsvpStore;
import io.handbill.store.Page;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The organisers' view of an event's RSVPs (JSON pages with counts, CSV) and the public availability. */
public final class AttendeeList {
    static final String CSV_HEADER = "name,email,state,answer,confirmed_at,checked_in_at,rsvp_id";
    private static final int PAGE = 500;

    /** One attendee as the admin API shows it. */
    public record View(String id, String name, String email, String answer, String state, long sequence,
                       Instant confirmedAt, Instant checkedInAt) {
        static View of(Attendee a) {
            return new View(a.id(), a.name(), a.email(), a.answer(), a.state().publicName(), a.sequence(),
                    a.confirmedAt(), a.checkedInAt());
        }
    }

    /** Counts by public state; {@code checkedIn} among the going. */
    public record Counts(int going, int waitlisted, int pending, int cancelled, int checkedIn, Integer capacity) {
    }

    public record Listing(List<View> items, String nextCursor, Counts counts) {
    }

    /**
     * What the public page shows: {@code open} with {@code placesLeft} ({@code null} = no limit), {@code waitlist}
     * when full, or {@code closed}.
     */
    public record Availability(String status, Integer placesLeft, Integer capacity) {
    }

    private final RsvpStore store;
    private final Clock clock;

    public AttendeeList(RsvpStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Availability availability(Event event) {
        Integer capacity = event.rsvp() == null ? null : event.rsvp().capacity();
        if (!event.rsvpOpen(clock.instant())) {
            return new Availability("closed", null, capacity);
        }
        if (capacity == null) {
            return new Availability("open", null, null);
        }
        int left = Math.max(0, capacity - store.going(event.id()));
        return new Availability(left == 0 ? "waitlist" : "open", left, capacity);
    }

    /** One page of attendees, those matching {@code query} (name or address, lower case) if given, and all counts. */
    public Listing page(Event event, String cursor, int limit, String query) {
        Page<Attendee> page = store.list(event.id(), cursor, limit);
        List<View> items = page.items().stream()
                .filter(a -> query.isEmpty() || a.name().toLowerCase(Locale.ROOT).contains(query)
                        || a.email().toLowerCase(Locale.ROOT).contains(query))
                .map(View::of).toList();
        return new Listing(items, page.nextCursor(), counts(event));
    }

    public Counts counts(Event event) {
        int going = 0, waitlisted = 0, pending = 0, cancelled = 0, checkedIn = 0;
        for (Attendee a : all(event)) {
            switch (a.state().publicName()) {
                case "going" -> going++;
                case "waitlisted" -> waitlisted++;
                case "pending" -> pending++;
                default -> cancelled++;
            }
            checkedIn += a.state() == AttendeeState.GOING && a.checkedInAt() != null ? 1 : 0;
        }
        return new Counts(going, waitlisted, pending, cancelled, checkedIn,
                event.rsvp() == null ? null : event.rsvp().capacity());
    }

    /** RFC 4180, one row per person in confirmation order; cells a spreadsheet would run as formulas are defused. */
    public String csv(Event event) {
        var out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Attendee a : all(event)) {
            out.append(SubscriberExport.cell(a.name())).append(',').append(SubscriberExport.cell(a.email()))
                    .append(',').append(a.state().publicName()).append(',').append(SubscriberExport.cell(a.answer()))
                    .append(',').append(time(a.confirmedAt())).append(',').append(time(a.checkedInAt()))
                    .append(',').append(a.id()).append("\r\n");
        }
        return out.toString();
    }

    private List<Attendee> all(Event event) {
        var all = new ArrayList<Attendee>();
        String cursor = null;
        do {
            Page<Attendee> page = store.list(event.id(), cursor, PAGE);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        all.sort(Comparator.comparingLong((Attendee a) -> a.sequence() == 0 ? Long.MAX_VALUE : a.sequence())
                .thenComparing(Attendee::createdAt));
        return all;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
