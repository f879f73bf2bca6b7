package io.handbill.render.bench;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * N published events shaped like the seed (agenda, talks, speakers, venue, tickets), one a fortnight, or closer
 * together (down to one a day) where a fortnight apart the first would start before {@link #EARLIEST}.
 */
final class SyntheticSite {
    /** The store's start-time index and the site's listings begin at 1970: nothing may start before. */
    static final LocalDateTime EARLIEST = LocalDateTime.parse("1970-01-06T18:45:00");
    static final int UPCOMING = 5;

    private SyntheticSite() {
    }

    static List<Event> events(int count, Instant now) {
        List<Event> events = new ArrayList<>();
        EventDraft seed = Fixtures.seedDraft();
        LocalDateTime firstUpcoming = LocalDateTime.parse("2017-09-26T18:45:00");
        long days = Duration.between(EARLIEST, firstUpcoming).toDays() / Math.max(1, count - UPCOMING);
        long gapDays = Math.max(1, Math.min(14, days));
        if (gapDays * (count - UPCOMING) > Duration.between(EARLIEST, firstUpcoming).toDays()) {
            throw new IllegalArgumentException(count + " events one a day would start before " + EARLIEST);
        }
        for (int i = 0; i < count; i++) {
            LocalDateTime start = firstUpcoming.minusDays(gapDays * (count - UPCOMING - i));
            // distinct text per event, so that no cache sees the same description twice
            EventDraft draft = withDescription(shifted(seed, "bench-" + i, "Meetup " + i + ": " + seed.title(), start),
                    "Meetup number " + i + ".\n\n" + seed.description());
            events.add(Event.create("bench-" + i, draft, now).publish(now));
        }
        return events;
    }

    static EventDraft shifted(EventDraft d, String slug, String title, LocalDateTime start) {
        return d.movedBy(Duration.between(d.start(), start)).toBuilder().slug(slug).title(title)
                .aliases(List.of("/old/" + slug)).build();
    }

    static EventDraft withDescription(EventDraft d, String description) {
        return d.toBuilder().description(description).build();
    }
}
