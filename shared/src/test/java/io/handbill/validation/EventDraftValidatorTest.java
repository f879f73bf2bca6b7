package io.handbill.validation;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.AgendaItem;
import io.handbill.model.AgendaKind;
import io.handbill.model.EventDraft;
import io.handbill.model.TicketLink;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventDraftValidatorTest {

    @Test
    void seedEvent_isValid() {
        assertThat(EventDraftValidator.validate(Fixtures.seedDraft())).isEmpty();
    }

    @Test
    void emptyDraft_reportsEveryRequiredFieldAtOnce() {
        var draft = new EventDraft(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);

        assertThat(EventDraftValidator.validate(draft)).extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("title", "required"),
                        org.assertj.core.groups.Tuple.tuple("timeZone", "required"),
                        org.assertj.core.groups.Tuple.tuple("start", "required"),
                        org.assertj.core.groups.Tuple.tuple("end", "required"));
    }

    @Test
    void endBeforeStart_isRejectedOnEnd() {
        var seed = Fixtures.seedDraft();
        var draft = new EventDraft(null, seed.title(), null, null, seed.start(), seed.start().minusHours(1),
                "Europe/London", null, null, null, null, null, null, null, null, null);

        assertThat(fields(draft)).containsExactly("end:before_start");
    }

    @Test
    void unknownZone_isRejected() {
        assertThat(fields(withZone("Europe/Leeds"))).containsExactly("timeZone:invalid_zone");
    }

    @Test
    void javascriptUrls_areRejectedEverywhere() {
        var seed = Fixtures.seedDraft();
        var tickets = List.of(new TicketLink("Free", "javascript:alert(1)", true, null, null));
        var draft = new EventDraft(null, seed.title(), null, null, seed.start(), seed.end(), seed.timeZone(), null,
                null, null, null, null, tickets, "JAVASCRIPT:alert(1)", null, null);

        assertThat(fields(draft)).containsExactlyInAnyOrder("tickets[0].url:invalid_url",
                "codeOfConductUrl:invalid_url");
    }

    @Test
    void agendaOutsideTheEvent_namesTheItem() {
        var seed = Fixtures.seedDraft();
        var agenda = new ArrayList<>(seed.agenda());
        agenda.set(2, new AgendaItem(seed.start().minusHours(2), seed.start().minusHours(1), "Too early",
                AgendaKind.OTHER, null));
        var draft = new EventDraft(null, seed.title(), null, null, seed.start(), seed.end(), seed.timeZone(),
                seed.venue(), agenda, seed.talks(), seed.speakers(), null, null, null, null, null);

        assertThat(fields(draft)).containsExactly("agenda[2].start:outside_event");
    }

    @Test
    void openEndedAgendaItem_mayRunPastTheEnd() {
        var seed = Fixtures.seedDraft();
        var agenda = List.of(new AgendaItem(seed.end().minusMinutes(30), null, "Pub", AgendaKind.SOCIAL, null));
        var draft = new EventDraft(null, seed.title(), null, null, seed.start(), seed.end(), seed.timeZone(), null,
                agenda, null, null, null, null, null, null, null);

        assertThat(EventDraftValidator.validate(draft)).isEmpty();
    }

    @Test
    void badReferencesSlugAliasAndPrice_areAllReported() {
        var seed = Fixtures.seedDraft();
        var agenda = List.of(new AgendaItem(seed.start(), null, "Talk", AgendaKind.TALK, "no-such-talk"));
        var tickets = List.of(new TicketLink("Paid", "https://example.org", false, null, null),
                new TicketLink("Odd", "https://example.org", false, new BigDecimal("-1"), "gbp"));
        var draft = new EventDraft("Bad Slug", seed.title(), null, null, seed.start(), seed.end(),
                seed.timeZone(), null, agenda, null, null, null, tickets, null, List.of("<b>"),
                List.of("relative/path", "/ok/path", "/ok/path"));

        assertThat(fields(draft)).containsExactlyInAnyOrder("slug:invalid_format", "agenda[0].talkId:unknown_talk",
                "tickets[0].price:required", "tickets[1].price:out_of_range", "tickets[1].currency:invalid_format",
                "tags[0]:invalid_format", "aliases[0]:invalid_format", "aliases[2]:duplicate");
    }

    @Test
    void startInTheSpringForwardGap_isRejected() {
        var seed = Fixtures.seedDraft();
        var gap = LocalDateTime.of(2026, 3, 29, 1, 30);
        var draft = new EventDraft(null, seed.title(), null, null, gap, gap.plusHours(2), "Europe/London", null,
                null, null, null, null, null, null, null, null);

        assertThat(fields(draft)).containsExactly("start:nonexistent_time");
    }

    private static EventDraft withZone(String zone) {
        var seed = Fixtures.seedDraft();
        return new EventDraft(null, seed.title(), null, null, seed.start(), seed.end(), zone, null, null, null,
                null, null, null, null, null, null);
    }

    private static List<String> fields(EventDraft draft) {
        return EventDraftValidator.validate(draft).stream().map(e -> e.field() + ":" + e.code()).toList();
    }
}
