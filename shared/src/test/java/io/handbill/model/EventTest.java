package io.handbill.model;

import io.handbill.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

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
        EventDraft moved = new EventDraft("another-slug", seed.title(), null, null, seed.start().plusDays(1),
                seed.end().plusDays(1), seed.timeZone(), seed.venue(), null, null, null, null, null, null, null,
                null);

        Event next = seed.edit(moved, NOW);

        assertThat(next.slug()).isEqualTo(seed.slug());
        assertThat(next.version()).isEqualTo(seed.version() + 1);
        assertThat(next.icsSequence()).isEqualTo(seed.icsSequence() + 1);
        assertThat(next.previousStartsAt()).isEqualTo(seed.startsAt());
    }

    @Test
    void editOfDescriptionOnly_keepsSequence() {
        Event seed = Fixtures.seedEvent();
        EventDraft d = seed.draft();
        EventDraft reworded = new EventDraft(d.slug(), d.title(), d.summary(), "New words", d.start(), d.end(),
                d.timeZone(), d.venue(), d.agenda(), d.talks(), d.speakers(), d.sponsors(), d.tickets(),
                d.codeOfConductUrl(), d.tags(), d.aliases());

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
}
