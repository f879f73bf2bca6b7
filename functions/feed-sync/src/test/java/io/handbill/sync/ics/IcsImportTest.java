package io.handbill.sync.ics;

import io.handbill.imports.ImportedEvent;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.model.TicketLink;
import io.handbill.validation.EventDraftValidator;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class IcsImportTest {
    static final Path FEEDS = Path.of("src/test/resources/feeds");
    static final IcsImport.Options WINDOW = new IcsImport.Options(ZoneId.of("Europe/London"),
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));

    @Test
    void meetupGroupFeed_givesTwelveValidEvents_withVenueTicketTagsAndTheCancelledOne() throws Exception {
        IcsImport.Feed feed = read("meetup-group.ics");

        assertThat(feed.events()).hasSize(12);
        assertThat(feed.events()).allSatisfy(e -> assertThat(EventDraftValidator.validate(e.draft())).isEmpty());
        assertThat(feed.warnings()).isEmpty();
        ImportedEvent first = feed.events().get(0);
        EventDraft draft = first.draft();
        assertThat(first.sourceUid()).isEqualTo("event_310000001@meetup.com");
        assertThat(draft.title()).isEqualTo("Leeds DevOps: Observability on a budget");
        assertThat(draft.start()).isEqualTo(LocalDateTime.parse("2026-06-09T18:30"));
        assertThat(draft.timeZone()).isEqualTo("Europe/London");
        assertThat(draft.venue().name()).isEqualTo("The ODI Node");
        assertThat(draft.venue().addressLines()).containsExactly("3rd Floor", "Munro House", "Duke Street");
        assertThat(draft.venue().city()).isEqualTo("Leeds");
        assertThat(draft.venue().postcode()).isEqualTo("LS9 8AG");
        assertThat(draft.venue().latitude()).isEqualTo(53.7965);
        assertThat(draft.tickets()).containsExactly(new TicketLink("on Meetup",
                "https://www.meetup.com/leeds-devops/events/310000001/", true, null, null));
        assertThat(draft.tags()).containsExactly("DevOps", "Cloud Computing", "Kubernetes");
        // Meetup's header lines and trailing link are gone; the text's own markup characters are escaped
        assertThat(draft.description()).isEqualTo("Talks, pizza and a \\*friendly\\* crowd. Bring "
                + "questions\\_and\\_answers, not \\<your\\> claims.\n\nThis month: Observability on a budget.");
        assertThat(feed.events()).filteredOn(e -> e.status() == EventStatus.CANCELLED)
                .extracting(ImportedEvent::sourceUid, ImportedEvent::cancelReason)
                .containsExactly(tuple("event_310000010@meetup.com", "Cancelled on Meetup"));
        assertThat(feed.events().get(3).draft().start()).isEqualTo(LocalDateTime.parse("2026-09-09T18:30"));
    }

    @Test
    void meetupVenueAndLinkOnlyInTheDescription_areTakenFromThere() throws Exception {
        EventDraft sixth = read("meetup-group.ics").events().get(5).draft();

        assertThat(sixth.venue().name()).isEqualTo("Leeds Beckett University");
        assertThat(sixth.venue().postcode()).isEqualTo("LS1 3HB");
        assertThat(sixth.tickets()).extracting(TicketLink::url)
                .containsExactly("https://www.meetup.com/leeds-devops/events/310000006/");
        assertThat(sixth.description()).doesNotContain("Venue").doesNotContain("meetup.com");
    }

    @Test
    void lumaFeed_lfLinesAndFolds_utcTimesInTheFeedsZone_htmlBecomesSafeMarkdown() throws Exception {
        IcsImport.Feed feed = read("luma.ics");

        assertThat(feed.events()).extracting(e -> e.draft().title()).containsExactly("Leeds Tech Social: January",
                "Online: Shipping safely with feature flags", "Leeds Tech Social: March");
        EventDraft january = feed.events().get(0).draft();
        assertThat(january.start()).isEqualTo(LocalDateTime.parse("2027-01-20T18:30"));
        assertThat(january.timeZone()).isEqualTo("Europe/London");
        assertThat(january.description()).isEqualTo("A relaxed evening of drinks and demos.\nFind us upstairs.");
        assertThat(january.tickets()).extracting(TicketLink::label, TicketLink::url)
                .containsExactly(tuple("on Luma", "https://lu.ma/leeds-jan27"));
        assertThat(january.venue().country()).isEqualTo("United Kingdom");
        assertThat(january.venue().postcode()).isEqualTo("LS2 8JP");
        assertThat(january.tags()).containsExactly("Social", "Tech Startups");
        EventDraft online = feed.events().get(1).draft();
        assertThat(online.venue().name()).isEqualTo("Online");
        assertThat(online.venue().url()).isEqualTo("https://lu.ma/join/g-shipping-safely");
        assertThat(online.description()).isEqualTo("Join us **online** for a talk by [Ada](https://example.org/ada).\n\n"
                + "Questions? ask here\n\n- Flags\n- Rollouts");
        assertThat(feed.warnings()).extracting(FeedWarning::uid, FeedWarning::line)
                .containsExactly(tuple("evt-Ab12Cd34Ef@events.lu.ma", 7));
        assertThat(feed.warnings().get(0).message()).contains("Tech & Startups");
    }

    @Test
    void eventbriteSingleEvent_crlf_utc() throws Exception {
        IcsImport.Feed feed = read("eventbrite.ics");

        EventDraft draft = feed.events().get(0).draft();
        assertThat(feed.events()).hasSize(1);
        assertThat(draft.start()).isEqualTo(LocalDateTime.parse("2027-03-04T09:00"));
        assertThat(draft.end()).isEqualTo(LocalDateTime.parse("2027-03-04T17:00"));
        assertThat(draft.tickets()).extracting(TicketLink::label).containsExactly("on Eventbrite");
        assertThat(draft.venue()).extracting("name", "city", "postcode", "country")
                .containsExactly("Leeds Dock", "Leeds", "LS10 1PZ", "United Kingdom");
        assertThat(draft.description()).contains("<https://www.eventbrite.co.uk/e/devops-days-leeds-2027-tickets-987654321>");
    }

    @Test
    void windowsZoneNamesWithoutVtimezone_mapToIana_anUnknownOneIsAWarningWithItsLine() throws Exception {
        IcsImport.Feed feed = read("windows-tzid.ics");

        assertThat(feed.events()).extracting(e -> e.draft().timeZone(), e -> e.draft().start()).containsExactly(
                tuple("Europe/London", LocalDateTime.parse("2027-06-08T18:30")),
                tuple("America/New_York", LocalDateTime.parse("2027-01-20T12:00")),
                tuple("Europe/London", LocalDateTime.parse("2027-02-10T18:30")));
        assertThat(feed.warnings()).extracting(FeedWarning::uid, FeedWarning::line).containsExactly(
                tuple("040000008200E00074C5B7101A82E0080000000030A3B2F1@outlook.example", 23),
                tuple("040000008200E00074C5B7101A82E0080000000030A3B2F1@outlook.example", 24));
        assertThat(feed.warnings().get(0).describe("w.ics")).isEqualTo("w.ics:23: warning: UID "
                + "040000008200E00074C5B7101A82E0080000000030A3B2F1@outlook.example: TZID Leeds Local Time is not a "
                + "zone name we know and the feed has no VTIMEZONE for it: read as Europe/London time");
    }

    @Test
    void recurringMaster_expandsInsideTheWindow_skipsTheExdate_andTakesTheOverride() throws Exception {
        IcsImport.Feed feed = read("recurring.ics");

        assertThat(feed.events()).extracting(ImportedEvent::sourceUid, e -> e.draft().title(), e -> e.draft().start())
                .containsExactly(
                        tuple("hack-night@calendar.example#20270302T183000Z", "Hack night", at("2027-03-02T18:30")),
                        tuple("hack-night@calendar.example#20270309T183000Z", "Hack night", at("2027-03-09T18:30")),
                        tuple("hack-night@calendar.example#20270323T183000Z", "Hack night", at("2027-03-23T18:30")),
                        tuple("hack-night@calendar.example#20270330T173000Z", "Hack night (Wednesday this week)",
                                at("2027-03-31T19:00")),
                        tuple("hack-night@calendar.example#20270406T173000Z", "Hack night", at("2027-04-06T18:30")));
        assertThat(feed.events().get(4).draft().end()).isEqualTo(at("2027-04-06T21:00"));
    }

    @Test
    void recurringMaster_outsideTheWindow_givesOnlyWhatFallsInside() throws Exception {
        var narrow = new IcsImport.Options(ZoneId.of("Europe/London"), Instant.parse("2027-03-20T00:00:00Z"),
                Instant.parse("2027-04-01T00:00:00Z"));

        IcsImport.Feed feed = IcsImport.read(Files.readString(FEEDS.resolve("recurring.ics")), "r.ics", narrow);

        assertThat(feed.events()).extracting(ImportedEvent::sourceUid).containsExactly(
                "hack-night@calendar.example#20270323T183000Z", "hack-night@calendar.example#20270330T173000Z");
    }

    @Test
    void notICalendar_isOneClearError() {
        assertThatThrownBy(() -> IcsImport.read("<!doctype html><html><body>Log in to Meetup</body></html>",
                "page.html", WINDOW))
                .isInstanceOf(NotICalendarException.class)
                .hasMessageStartingWith("not an iCalendar file (line 1: ");
        assertThatThrownBy(() -> IcsImport.read("", "empty.ics", WINDOW)).isInstanceOf(NotICalendarException.class);
    }

    private static LocalDateTime at(String local) {
        return LocalDateTime.parse(local);
    }

    private static IcsImport.Feed read(String name) throws Exception {
        return IcsImport.read(Files.readString(FEEDS.resolve(name)), name, WINDOW);
    }

    static List<String> titles(IcsImport.Feed feed) {
        return feed.events().stream().map(e -> e.draft().title()).toList();
    }
}
