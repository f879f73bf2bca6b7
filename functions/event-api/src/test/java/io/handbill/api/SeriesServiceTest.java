package io.handbill.api;

import io.handbill.fixtures.Drafts;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.model.Sponsor;
import io.handbill.model.Venue;
import io.handbill.store.InMemoryEventStore;
import io.handbill.store.InMemorySeriesStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeriesServiceTest {
    private final Clock clock = Clock.fixed(Instant.parse("2027-01-15T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemorySeriesStore seriesStore = new InMemorySeriesStore();
    private final EventService eventService = new EventService(events, new InMemoryIdempotencyStore(), clock);
    private final SeriesService service = new SeriesService(seriesStore, events, eventService, clock);

    @Test
    void london_secondTuesday_staysAt1830AcrossTheClockChange() {
        var view = service.create(request("FREQ=MONTHLY;BYDAY=2TU", "18:30", "Europe/London", "2027-02-01", 3));

        assertThat(view.occurrences()).extracting(SeriesService.Occurrence::start).containsExactly(
                LocalDateTime.parse("2027-02-09T18:30"), LocalDateTime.parse("2027-03-09T18:30"),
                LocalDateTime.parse("2027-04-13T18:30"));
        assertThat(startsAt(view)).containsExactly(Instant.parse("2027-02-09T18:30:00Z"),
                Instant.parse("2027-03-09T18:30:00Z"), Instant.parse("2027-04-13T17:30:00Z"));
    }

    @Test
    void newYork_everyOtherThursday_staysAt1830AcrossTheClockChange() {
        var view = service.create(request("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", "18:30", "America/New_York",
                "2027-03-04", 2));

        assertThat(startsAt(view)).containsExactly(Instant.parse("2027-03-04T23:30:00Z"),
                Instant.parse("2027-03-18T22:30:00Z"));
    }

    @Test
    void adelaide_halfHourOffset_staysAt1830WhenSummerTimeEnds() {
        var view = service.create(request("FREQ=MONTHLY;BYDAY=1TH", "18:30", "Australia/Adelaide", "2027-03-15", 2));

        assertThat(view.occurrences()).extracting(o -> o.start().toLocalTime().toString()).containsOnly("18:30");
        assertThat(startsAt(view)).containsExactly(Instant.parse("2027-04-01T08:00:00Z"),
                Instant.parse("2027-05-06T09:00:00Z"));
    }

    @Test
    void kolkata_halfHourOffset() {
        var view = service.create(request("FREQ=MONTHLY;BYDAY=2TU", "18:30", "Asia/Kolkata", "2027-02-01", 1));

        assertThat(startsAt(view)).containsExactly(Instant.parse("2027-02-09T13:00:00Z"));
    }

    @Test
    void occurrences_keepTheAgendaShape_andGetDateBasedSlugs() {
        var view = service.create(request("FREQ=MONTHLY;BYDAY=2TU", "18:30", "Europe/London", "2027-02-01", 2));

        Event first = events.get(view.occurrences().get(0).id()).orElseThrow();
        // the seed's doors open at its start (18:45) and its first talk slot 30 minutes later
        assertThat(first.agenda().get(0).start()).isEqualTo(LocalDateTime.parse("2027-02-09T18:30"));
        assertThat(first.agenda().get(1).start()).isEqualTo(LocalDateTime.parse("2027-02-09T19:00"));
        assertThat(first.end()).isEqualTo(LocalDateTime.parse("2027-02-09T22:45"));
        assertThat(first.talks()).isEmpty();
        assertThat(first.seriesId()).isEqualTo(view.series().id());
        assertThat(view.occurrences()).extracting(SeriesService.Occurrence::slug)
                .containsExactly("2027-02-09-leeds-devops", "2027-03-09-leeds-devops");
    }

    @Test
    void templateEdit_changesUneditedFields_keepsTheOrganisersEdits_andLeavesPublishedAlone() {
        var view = service.create(request("FREQ=MONTHLY;BYDAY=2TU", "18:30", "Europe/London", "2027-02-01", 3));
        String editedId = view.occurrences().get(0).id();
        String publishedId = view.occurrences().get(2).id();
        Event edited = events.get(editedId).orElseThrow();
        var ownVenue = new Venue("The Tetley", null, "Leeds", null, null, null, null, null, null);
        eventService.update(editedId, edited.draft().toBuilder().venue(ownVenue).build(), IfMatch.NONE);
        eventService.publish(publishedId, IfMatch.NONE);
        var newSponsor = List.of(new Sponsor("Acme", "https://acme.example/", null));
        var newVenue = new Venue("Leeds Beckett", null, "Leeds", null, null, null, null, null, null);

        service.update(view.series().id(), withTemplate(view, t -> t.venue(newVenue).sponsors(newSponsor)),
                IfMatch.NONE);

        Event first = events.get(editedId).orElseThrow();
        assertThat(first.venue()).isEqualTo(ownVenue);
        assertThat(first.sponsors()).isEqualTo(newSponsor);
        Event second = events.get(view.occurrences().get(1).id()).orElseThrow();
        assertThat(second.venue()).isEqualTo(newVenue);
        assertThat(events.get(publishedId).orElseThrow().venue()).isNotEqualTo(newVenue);
    }

    @Test
    void applyToPublished_changesPublishedOccurrencesToo() {
        var view = service.create(request("FREQ=MONTHLY;BYDAY=2TU", "18:30", "Europe/London", "2027-02-01", 1));
        String id = view.occurrences().get(0).id();
        eventService.publish(id, IfMatch.NONE);
        var newVenue = new Venue("Leeds Beckett", null, "Leeds", null, null, null, null, null, null);
        var request = withTemplate(view, t -> t.venue(newVenue));

        service.update(view.series().id(), new SeriesRequest(request.title(), request.rule(), request.startTime(),
                request.duration(), request.timeZone(), request.firstDate(), request.horizon(), request.template(),
                true), IfMatch.NONE);

        Event published = events.get(id).orElseThrow();
        assertThat(published.venue()).isEqualTo(newVenue);
        assertThat(published.icsSequence()).isEqualTo(1);
        assertThat(published.status()).isEqualTo(EventStatus.PUBLISHED);
    }

    @Test
    void skip_deletesTheDraft_andMakesNoEventThatDay() {
        var view = service.create(request("FREQ=MONTHLY;BYDAY=2TU", "18:30", "Europe/London", "2027-02-01", 3));

        var after = service.skip(view.series().id(), new SkipRequest("2027-03-09", "Summer break"));

        assertThat(after.occurrences()).extracting(SeriesService.Occurrence::date)
                .containsExactly(LocalDate.parse("2027-02-09"), LocalDate.parse("2027-04-13"));
        assertThat(after.series().skipped(LocalDate.parse("2027-03-09"))).get()
                .extracting(s -> s.reason()).isEqualTo("Summer break");
        service.refreshAll();
        assertThat(service.view(view.series().id()).occurrences()).hasSize(2);
    }

    @Test
    void skip_aDateNotInTheSeries_is400NamingDate() {
        var view = service.create(request("FREQ=MONTHLY;BYDAY=2TU", "18:30", "Europe/London", "2027-02-01", 1));

        assertThatThrownBy(() -> service.skip(view.series().id(), new SkipRequest("2027-03-10", null)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("date"));
    }

    private static List<Instant> startsAt(SeriesService.SeriesView view) {
        return view.occurrences().stream().map(o -> o.start().atZone(java.time.ZoneId.of(view.series().timeZone()))
                .toInstant()).toList();
    }

    static SeriesRequest request(String rule, String startTime, String zone, String firstDate, int horizon) {
        EventDraft template = Drafts.seed().title("Leeds DevOps").build();
        return new SeriesRequest("Leeds DevOps", rule, startTime, "PT4H15M", zone, firstDate, horizon, template,
                null);
    }

    private static SeriesRequest withTemplate(SeriesService.SeriesView view,
                                              java.util.function.UnaryOperator<EventDraft.Builder> change) {
        var s = view.series();
        return new SeriesRequest(s.title(), s.rule(), s.startTime().toString(), s.duration().toString(),
                s.timeZone(), s.firstDate().toString(), s.horizon(), change.apply(s.template().toBuilder()).build(),
                null);
    }
}
