package io.handbill.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTest {
    private static final Instant NOW = Instant.parse("2017-09-10T12:00:00Z");

    @Test
    void startInLondonSummer_isOneHourAheadOfUtc() {
        Event seed = Fixtures.seedEvent();
        assertThat(seed.startsAt()).isEqualTo(Instant.parse("2017-09-26T17:45:00Z"));
        assertThat(seed.endsAt()).isEqualTo(Instant.parse("2017-09-26T22:00:00Z"));
    }

    @Test
    void editOfPublishedEvent_keepsSlug_raisesSequenceAndRemembersOldStart() {
        Event seed = Fixtures.seedEvent();
        EventDraft moved = EventDraft.builder().slug("another-slug").title(seed.title())
                .start(seed.start().plusDays(1)).end(seed.end().plusDays(1)).timeZone(seed.timeZone())
                .venue(seed.venue()).build();

        Event next = seed.edit(moved, NOW);

        assertThat(next.slug()).isEqualTo(seed.slug());
        assertThat(next.version()).isEqualTo(seed.version() + 1);
        assertThat(next.icsSequence()).isEqualTo(seed.icsSequence() + 1);
        assertThat(next.previousStartsAt()).isEqualTo(seed.startsAt());
    }

    @Test
    void editOfDescriptionOnly_keepsSequence() {
        Event seed = Fixtures.seedEvent();
        EventDraft reworded = seed.draft().toBuilder().description("New words").build();

        Event next = seed.edit(reworded, NOW);

        assertThat(next.icsSequence()).isEqualTo(seed.icsSequence());
        assertThat(next.previousStartsAt()).isNull();
    }

    @Test
    void cancel_setsReasonAndRaisesSequence() {
        Event seed = Fixtures.seedEvent();
        Event cancelled = seed.cancel("Venue flooded", NOW);
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("Venue flooded");
        assertThat(cancelled.icsSequence()).isEqualTo(seed.icsSequence() + 1);
    }

    @Test
    void listingEntry_keepsWhatTheListingShows_andDropsTheProgrammeAndLinks() {
        Event seed = Fixtures.seedEvent().cancel("Venue flooded", NOW);

        Event entry = seed.listingEntry();

        assertThat(entry).extracting(Event::id, Event::slug, Event::title, Event::summary, Event::start, Event::end,
                Event::timeZone, Event::startsAt, Event::endsAt, Event::tags, Event::status, Event::cancelReason,
                Event::previousStartsAt, Event::version, Event::icsSequence, Event::createdAt, Event::updatedAt)
                .containsExactly(seed.id(), seed.slug(), seed.title(), seed.summary(), seed.start(), seed.end(),
                        seed.timeZone(), seed.startsAt(), seed.endsAt(), seed.tags(), seed.status(),
                        seed.cancelReason(), seed.previousStartsAt(), seed.version(), seed.icsSequence(),
                        seed.createdAt(), seed.updatedAt());
        assertThat(entry.venue()).isEqualTo(new Venue(seed.venue().name(), List.of(), seed.venue().city(), null, null,
                null, null, null, null));
        assertThat(entry.description()).isNull();
        assertThat(entry.codeOfConductUrl()).isNull();
        assertThat(List.of(entry.agenda(), entry.talks(), entry.speakers(), entry.sponsors(), entry.tickets(),
                entry.aliases())).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(seed.agenda()).isNotEmpty();
    }

    @Test
    void displayTitle_isPrefixedOnlyOnceCancelled() {
        Event seed = Fixtures.seedEvent();

        assertThat(seed.displayTitle()).isEqualTo(seed.title());
        assertThat(seed.cancel("Venue flooded", NOW).displayTitle()).isEqualTo("Cancelled: " + seed.title());
    }

    @Test
    void toBuilder_rebuildsAnEqualEventAndDraft() {
        Event seed = Fixtures.seedEvent().cancel("Venue flooded", NOW);

        assertThat(seed.toBuilder().build()).isEqualTo(seed);
        assertThat(seed.draft().toBuilder().build()).isEqualTo(seed.draft());
        assertThat(seed.toBuilder().draft(d -> d.title("Other")).build())
                .isEqualTo(seed.edit(seed.draft().toBuilder().title("Other").build(), NOW).toBuilder()
                        .version(seed.version()).icsSequence(seed.icsSequence()).updatedAt(seed.updatedAt()).build());
    }

    @Test
    void json_namesExactlyTheRecordComponents_andReadsBackEqual() throws Exception {
        Event published = Fixtures.seedEvent();
        EventDraft d = published.draft();
        Event seed = published.edit(d.toBuilder().start(d.start().plusDays(1)).end(d.end().plusDays(1)).build(), NOW)
                .cancel("Venue flooded", NOW);

        Map<?, ?> written = Json.read(Json.write(seed), Map.class);

        // null components are left out of the JSON; everything else is written under its component's name
        Set<String> components = new HashSet<>();
        for (RecordComponent c : Event.class.getRecordComponents()) {
            if (c.getAccessor().invoke(seed) != null) {
                components.add(c.getName());
            }
        }
        assertThat(written.keySet()).isEqualTo(components);
        assertThat(components).contains("previousStartsAt", "cancelReason", "agenda");
        assertThat(Json.read(Json.write(seed), Event.class)).isEqualTo(seed);
        assertThat(Json.read(Json.write(seed.draft()), EventDraft.class)).isEqualTo(seed.draft());
    }

    @Test
    void draftWithAnUnknownField_doesNotBind() {
        assertThatThrownBy(() -> Json.read("{\"title\":\"x\",\"rsvp\":true}", EventDraft.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("rsvp");
    }

    @Test
    void movedBy_movesStartEndAndEveryAgendaSlot() {
        EventDraft seed = Drafts.seed().build();

        EventDraft later = seed.movedBy(Duration.ofDays(7));

        assertThat(later.start()).isEqualTo(seed.start().plusDays(7));
        assertThat(later.end()).isEqualTo(seed.end().plusDays(7));
        assertThat(later.agenda()).hasSameSizeAs(seed.agenda()).allSatisfy(a -> assertThat(a.start())
                .isAfter(seed.start().plusDays(6)));
        assertThat(later.agenda().get(0).start()).isEqualTo(seed.agenda().get(0).start().plusDays(7));
        assertThat(later.toBuilder().start(seed.start()).end(seed.end()).agenda(seed.agenda()).build())
                .isEqualTo(seed);
    }
}
