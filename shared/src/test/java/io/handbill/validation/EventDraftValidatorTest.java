package io.handbill.validation;

import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Fixtures;
import io.handbill.model.AgendaItem;
import io.handbill.model.AgendaKind;
import io.handbill.model.EventDraft;
import io.handbill.model.Image;
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
        var draft = EventDraft.builder().build();

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
        var draft = Drafts.minimal().end(seed.start().minusHours(1)).timeZone("Europe/London").build();

        assertThat(fields(draft)).containsExactly("end:before_start");
    }

    @Test
    void unknownZone_isRejected() {
        assertThat(fields(withZone("Europe/Leeds"))).containsExactly("timeZone:invalid_zone");
    }

    @Test
    void javascriptUrls_areRejectedEverywhere() {
        var tickets = List.of(new TicketLink("Free", "javascript:alert(1)", true, null, null));
        var draft = Drafts.minimal().tickets(tickets).codeOfConductUrl("JAVASCRIPT:alert(1)").build();

        assertThat(fields(draft)).containsExactlyInAnyOrder("tickets[0].url:invalid_url",
                "codeOfConductUrl:invalid_url");
    }

    @Test
    void cover_isAnHttpLinkOrAnUploadPath_andNothingElse() {
        assertThat(fields(Drafts.minimal().cover(new Image("https://photos.example/a.jpg", "A room")).build()))
                .isEmpty();
        assertThat(fields(Drafts.minimal().cover(new Image("/media/0123456789abcdef0123456789abcdef.png", null))
                .build())).isEmpty();
        for (String bad : List.of("javascript:alert(1)", "/media/../index.html", "/media/x.jpg",
                "/media/0123456789abcdef0123456789abcdef.svg", "/index.html", "data:image/png;base64,AAAA")) {
            assertThat(fields(Drafts.minimal().cover(new Image(bad, null)).build())).as(bad)
                    .containsExactly("cover.url:invalid_url");
        }
        assertThat(fields(Drafts.minimal().cover(new Image(null, "Alt alone")).build()))
                .containsExactly("cover.url:required");
        assertThat(fields(Drafts.minimal().cover(new Image("https://photos.example/a.jpg", "x".repeat(301)))
                .build())).containsExactly("cover.alt:too_long");
    }

    @Test
    void agendaOutsideTheEvent_namesTheItem() {
        var seed = Fixtures.seedDraft();
        var agenda = new ArrayList<>(seed.agenda());
        agenda.set(2, new AgendaItem(seed.start().minusHours(2), seed.start().minusHours(1), "Too early",
                AgendaKind.OTHER, null));
        var draft = Drafts.minimal().venue(seed.venue()).agenda(agenda).talks(seed.talks()).speakers(seed.speakers())
                .build();

        assertThat(fields(draft)).containsExactly("agenda[2].start:outside_event");
    }

    @Test
    void openEndedAgendaItem_mayRunPastTheEnd() {
        var seed = Fixtures.seedDraft();
        var agenda = List.of(new AgendaItem(seed.end().minusMinutes(30), null, "Pub", AgendaKind.SOCIAL, null));
        var draft = Drafts.minimal().agenda(agenda).build();

        assertThat(EventDraftValidator.validate(draft)).isEmpty();
    }

    @Test
    void badReferencesSlugAliasAndPrice_areAllReported() {
        var seed = Fixtures.seedDraft();
        var agenda = List.of(new AgendaItem(seed.start(), null, "Talk", AgendaKind.TALK, "no-such-talk"));
        var tickets = List.of(new TicketLink("Paid", "https://example.org", false, null, null),
                new TicketLink("Odd", "https://example.org", false, new BigDecimal("-1"), "gbp"));
        var draft = Drafts.minimal().slug("Bad Slug").agenda(agenda).tickets(tickets).tags(List.of("<b>"))
                .aliases(List.of("relative/path", "/ok/path", "/ok/path")).build();

        assertThat(fields(draft)).containsExactlyInAnyOrder("slug:invalid_format", "agenda[0].talkId:unknown_talk",
                "tickets[0].price:required", "tickets[1].price:out_of_range", "tickets[1].currency:invalid_format",
                "tags[0]:invalid_format", "aliases[0]:invalid_format", "aliases[2]:duplicate");
    }

    @Test
    void startInTheSpringForwardGap_isRejected() {
        var gap = LocalDateTime.of(2026, 3, 29, 1, 30);
        var draft = Drafts.minimal().start(gap).end(gap.plusHours(2)).timeZone("Europe/London").build();

        assertThat(fields(draft)).containsExactly("start:nonexistent_time");
    }

    @Test
    void startInTheHourThatRepeatsWhenClocksGoBack_isRejected_namingBothReadings() {
        var twice = LocalDateTime.of(2027, 10, 31, 1, 30);
        var draft = Drafts.minimal().start(twice).end(twice.plusHours(2)).timeZone("Europe/London").build();

        assertThat(fields(draft)).containsExactly("start:ambiguous_time");
        assertThat(EventDraftValidator.validate(draft).get(0).message())
                .contains("01:30 BST (UTC+01:00)", "01:30 GMT (UTC+00:00)");
    }

    private static EventDraft withZone(String zone) {
        return Drafts.minimal().timeZone(zone).build();
    }

    private static List<String> fields(EventDraft draft) {
        return EventDraftValidator.validate(draft).stream().map(e -> e.field() + ":" + e.code()).toList();
    }

    @Test
    void rsvpSettings_areCheckedField_byField() {
        var seed = Fixtures.seedDraft();
        var bad = Drafts.seed().rsvp(new io.handbill.model.RsvpSettings(true, 0, seed.end().minusHours(1),
                seed.end().plusHours(1), "x".repeat(EventDraftValidator.MAX_QUESTION + 1))).build();
        var backwards = Drafts.seed().rsvp(new io.handbill.model.RsvpSettings(true, 100_001, seed.start(),
                seed.start().minusDays(1), null)).build();
        var fine = Drafts.seed().rsvp(new io.handbill.model.RsvpSettings(true, 3, null, seed.start(), "Diet?"))
                .build();

        assertThat(fields(bad)).containsExactly("rsvp.capacity:out_of_range", "rsvp.closesAt:after_event",
                "rsvp.question:too_long");
        assertThat(fields(backwards)).containsExactly("rsvp.capacity:out_of_range", "rsvp.closesAt:before_opens");
        assertThat(fields(fine)).isEmpty();
    }
}
