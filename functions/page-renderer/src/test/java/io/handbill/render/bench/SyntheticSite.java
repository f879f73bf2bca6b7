package io.handbill.render.bench;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.AgendaItem;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** N published events shaped like the seed (agenda, talks, speakers, venue, tickets), one a fortnight. */
final class SyntheticSite {
    static final LocalDateTime FIRST = LocalDateTime.parse("1990-01-09T18:45:00");
    static final int UPCOMING = 5;

    private SyntheticSite() {
    }

    static List<Event> events(int count, Instant now) {
        List<Event> events = new ArrayList<>();
        EventDraft seed = Fixtures.seedDraft();
        LocalDateTime firstUpcoming = LocalDateTime.parse("2017-09-26T18:45:00");
        for (int i = 0; i < count; i++) {
            int fortnightsBefore = count - UPCOMING - i;
            LocalDateTime start = firstUpcoming.minusWeeks(2L * fortnightsBefore);
            // distinct text per event, so that no cache sees the same description twice
            EventDraft draft = withDescription(shifted(seed, "bench-" + i, "Meetup " + i + ": " + seed.title(), start),
                    "Meetup number " + i + ".\n\n" + seed.description());
            events.add(Event.create("bench-" + i, draft, now).publish(now));
        }
        return events;
    }

    static EventDraft shifted(EventDraft d, String slug, String title, LocalDateTime start) {
        java.time.Duration by = java.time.Duration.between(d.start(), start);
        List<AgendaItem> agenda = d.agenda().stream().map(a -> new AgendaItem(a.start().plus(by),
                a.end() == null ? null : a.end().plus(by), a.title(), a.kind(), a.talkId())).toList();
        return new EventDraft(slug, title, d.summary(), d.description(), start, d.end().plus(by), d.timeZone(),
                d.venue(), agenda, d.talks(), d.speakers(), d.sponsors(), d.tickets(), d.codeOfConductUrl(), d.tags(),
                List.of("/old/" + slug));
    }

    static EventDraft withDescription(EventDraft d, String description) {
        return new EventDraft(d.slug(), d.title(), d.summary(), description, d.start(), d.end(), d.timeZone(),
                d.venue(), d.agenda(), d.talks(), d.speakers(), d.sponsors(), d.tickets(), d.codeOfConductUrl(),
                d.tags(), d.aliases());
    }
}
