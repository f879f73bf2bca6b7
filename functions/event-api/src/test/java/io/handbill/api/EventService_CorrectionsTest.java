package io.handbill.api;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.AgendaItem;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.TicketLink;
import io.handbill.store.InMemoryEventStore;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the service corrects before validating: a moved date takes its untouched agenda along; "gbp" is GBP. */
class EventService_CorrectionsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2017-09-01T10:00:00Z"), ZoneOffset.UTC);
    private final EventService service = new EventService(new InMemoryEventStore(), new InMemoryIdempotencyStore(),
            clock);

    @Test
    void movingTheDate_movesAnAgendaSentBackUnchanged() {
        Event created = get(service.create(Fixtures.seedDraft(), null).id());
        Duration week = Duration.ofDays(7);
        EventDraft moved = created.draft().toBuilder().start(created.start().plus(week))
                .end(created.end().plus(week)).build();

        Event updated = service.update(created.id(), moved, IfMatch.parse(created.etag()));

        assertThat(updated.agenda()).isNotEmpty().hasSameSizeAs(created.agenda());
        for (int i = 0; i < created.agenda().size(); i++) {
            assertThat(updated.agenda().get(i).start()).isEqualTo(created.agenda().get(i).start().plus(week));
        }
    }

    @Test
    void anAgendaEditedInTheSameRequest_isTakenAsSent() {
        Event created = get(service.create(Fixtures.seedDraft(), null).id());
        Duration hour = Duration.ofHours(1);
        List<AgendaItem> rewritten = created.agenda().stream().map(a -> a.movedBy(Duration.ofMinutes(15))).toList();
        EventDraft edited = created.draft().toBuilder().start(created.start().minus(hour)).agenda(rewritten).build();

        Event updated = service.update(created.id(), edited, IfMatch.parse(created.etag()));

        assertThat(updated.agenda()).isEqualTo(rewritten);
    }

    @Test
    void lowerCaseCurrency_isStoredInCapitals() {
        EventDraft paid = Fixtures.seedDraft().toBuilder().tickets(List.of(
                new TicketLink("Standard", "https://tickets.example.org/", false, new BigDecimal("5.00"), " gbp")))
                .build();

        Event created = get(service.create(paid, null).id());

        assertThat(created.tickets()).singleElement().extracting(TicketLink::currency).isEqualTo("GBP");
    }

    @Test
    void blankCurrencyOnAPaidTicket_isRequired() {
        EventDraft paid = Fixtures.seedDraft().toBuilder().tickets(List.of(
                new TicketLink("Standard", "https://tickets.example.org/", false, new BigDecimal("5.00"), " ")))
                .build();

        assertThatThrownBy(() -> service.create(paid, null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).anySatisfy(error -> {
                    assertThat(error.field()).isEqualTo("tickets[0].currency");
                    assertThat(error.code()).isEqualTo("required");
                }));
    }

    @Test
    void noEnd_storesAnOpenEndedEvent_withThreeHoursOrUntilTheAgendaEnds() {
        EventDraft withoutEnd = Fixtures.seedDraft().toBuilder().end(null).agenda(List.of()).build();
        EventDraft longAgenda = Fixtures.seedDraft().toBuilder().end(null).aliases(List.of()).build();

        Event evening = get(service.create(withoutEnd, null).id());
        Event programme = get(service.create(longAgenda.toBuilder().slug("with-agenda").build(), null).id());

        assertThat(evening.endIsOpen()).isTrue();
        assertThat(evening.end()).isEqualTo(evening.start().plusHours(3));
        assertThat(programme.endIsOpen()).isTrue();
        assertThat(programme.agenda()).allSatisfy(item -> assertThat(item.start()).isBefore(programme.end()));
    }

    @Test
    void givingAnEnd_laterMakesItAFixedEnd() {
        Event open = get(service.create(Fixtures.seedDraft().toBuilder().end(null).build(), null).id());
        EventDraft fixed = open.draft().toBuilder().openEnded(null).end(open.start().plusHours(5)).build();

        Event updated = service.update(open.id(), fixed, IfMatch.parse(open.etag()));

        assertThat(updated.endIsOpen()).isFalse();
        assertThat(updated.end()).isEqualTo(open.start().plusHours(5));
    }

    private Event get(String id) {
        return service.get(id);
    }
}
