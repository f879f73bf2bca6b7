package io.handbill.icsfeed;

import biweekly.component.VEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.Fixtures;
import io.handbill.ical.IcsAssertions.Times;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.SiteConfig;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.handbill.ical.IcsAssertions.assertValid;
import static io.handbill.ical.IcsAssertions.assertWellFormed;
import static io.handbill.ical.IcsAssertions.parse;
import static io.handbill.ical.IcsAssertions.times;
import static io.handbill.ical.IcsAssertions.unfold;
import static org.assertj.core.api.Assertions.assertThat;

/** The calendar routes against dynalite, through the real DynamoDB store, with every DynamoDB call counted. */
@ExtendWith(LocalAwsExtension.class)
class IcsFeedIT {
    private static final SiteConfig SITE = new SiteConfig("https://events.leedsdevops.org.uk", "Leeds DevOps",
            "organisers@leedsdevops.org.uk");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String LONG_TITLE = ("Ünïcode, commas; semicolons — a very long title that calendar apps "
            + "must unfold again ").repeat(3).substring(0, 200);

    private final DynamoDbCalls calls = DynamoDbCalls.counting();
    private DynamoDbEventStore store;

    @BeforeEach
    void setUp(LocalAws aws) {
        store = new DynamoDbEventStore(calls.client(aws), aws.tableName());
    }

    @Test
    void seedEvent_doorsAt1845InLondon_are1745Utc_inTheFeedAndItsOwnFile() {
        store.create(Fixtures.seedEvent());
        store.bumpSiteVersion(Instant.parse("2017-09-09T10:01:54Z"));
        IcsFeedHandler handler = handlerAt(Instant.parse("2017-09-20T12:00:00Z"));

        String feed = get(handler, "/calendar.ics").getBody();
        String file = get(handler, "/events/" + Fixtures.SEED_SLUG + ".ics").getBody();

        for (String ics : List.of(feed, file)) {
            assertWellFormed(ics);
            assertValid(ics);
            Times times = times(ics).get(0);
            assertThat(times.start()).isEqualTo(Instant.parse("2017-09-26T17:45:00Z"));
            assertThat(times.end()).isEqualTo(Instant.parse("2017-09-26T22:00:00Z"));
            assertThat(unfold(ics)).contains("DTSTART;TZID=Europe/London:20170926T184500\r\n",
                    "UID:seed-2017-09-26@events.leedsdevops.org.uk\r\n",
                    "ORGANIZER;CN=\"Leeds DevOps\":mailto:organisers@leedsdevops.org.uk\r\n",
                    "GEO:53.7965;-1.5331\r\n", "STATUS:CONFIRMED\r\n");
            assertThat(parse(ics).getEvents().get(0).getDescription().getValue())
                    .contains("18:45–19:15  Doors open, have a chat, make some new devops friends");
        }
    }

    @Test
    void feed_carriesDstEdgesOtherZonesCancellationsAndAwkwardTitles_asTheSameInstants() {
        List<Event> events = List.of(
                Events.published("spring-forward", "Clocks go forward", at("2026-03-29T00:30"),
                        at("2026-03-29T03:00"), "Europe/London"),
                Events.published("fall-back", "Clocks go back", at("2026-10-25T00:30"), at("2026-10-25T03:00"),
                        "Europe/London"),
                Events.published("new-york", "DevOps NYC", at("2026-11-03T18:00"), at("2026-11-03T21:00"),
                        "America/New_York"),
                Events.cancelled("snowed-off", "Winter social", at("2026-12-10T19:00"), at("2026-12-10T22:00"),
                        "Europe/London", "Snow; venue closed, sorry"),
                Events.published("unicode", "Zürich, Łódź; 東京 \\ “quotes” 🎉", at("2027-01-12T18:30"),
                        at("2027-01-12T21:00"), "Europe/London"),
                Events.published("long-title", LONG_TITLE, at("2027-02-09T18:30"), at("2027-02-09T21:00"),
                        "Europe/London"));
        events.forEach(store::create);
        store.bumpSiteVersion(NOW);

        String ics = get(handlerAt(NOW), "/calendar.ics").getBody();

        assertWellFormed(ics);
        assertValid(ics);
        assertThat(times(ics)).extracting(Times::start).containsExactly(
                Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-10-24T23:30:00Z"),
                Instant.parse("2026-11-03T23:00:00Z"), Instant.parse("2026-12-10T19:00:00Z"),
                Instant.parse("2027-01-12T18:30:00Z"), Instant.parse("2027-02-09T18:30:00Z"));
        assertThat(times(ics)).extracting(Times::end).containsExactlyElementsOf(
                events.stream().map(Event::endsAt).toList());
        List<VEvent> parsed = parse(ics).getEvents();
        assertThat(parsed).extracting(e -> e.getSummary().getValue()).containsExactly("Clocks go forward",
                "Clocks go back", "DevOps NYC", "Cancelled: Winter social", "Zürich, Łódź; 東京 \\ “quotes” 🎉",
                LONG_TITLE);
        assertThat(parsed.get(3).getStatus().isCancelled()).isTrue();
        assertThat(parsed.get(3).getSequence().getValue()).isEqualTo(1);
        assertThat(parsed.get(3).getDescription().getValue()).startsWith("This event is cancelled: Snow; venue closed");
        assertThat(unfold(ics)).contains("SUMMARY:Zürich\\, Łódź\\; 東京 \\\\ “quotes” 🎉\r\n");
        assertThat(ics.substring(ics.indexOf("SUMMARY:Ünïcode"))).as("the 200-character title is folded")
                .startsWith("SUMMARY:Ünïcode\\, commas\\; semicolons").contains("\r\n ");
    }

    @Test
    void revalidation_is304AfterOneGetItem_andAFullAnswerReadsTheIndex() {
        store.create(Fixtures.seedEvent());
        store.bumpSiteVersion(NOW);
        IcsFeedHandler handler = handlerAt(Instant.parse("2017-09-20T12:00:00Z"));
        calls.clear();

        APIGatewayV2HTTPResponse full = get(handler, "/calendar.ics");
        List<String> fullCalls = calls.operations();
        calls.clear();
        APIGatewayV2HTTPResponse byTag = handler.handleRequest(Requests.calendar("GET",
                Map.of("If-None-Match", full.getHeaders().get("ETag"))), null);
        List<String> byTagCalls = calls.operations();
        calls.clear();
        APIGatewayV2HTTPResponse byDate = handler.handleRequest(Requests.calendar("GET",
                Map.of("If-Modified-Since", full.getHeaders().get("Last-Modified"))), null);
        List<String> byDateCalls = calls.operations();

        assertThat(full.getStatusCode()).isEqualTo(200);
        assertThat(fullCalls).containsExactly("GetItem", "Query");
        assertThat(byTag.getStatusCode()).isEqualTo(304);
        assertThat(byTagCalls).containsExactly("GetItem");
        assertThat(byDate.getStatusCode()).isEqualTo(304);
        assertThat(byDateCalls).containsExactly("GetItem");
    }

    @Test
    void eventFileRevalidation_is304AfterOneGetItem() {
        store.create(Fixtures.seedEvent());
        store.bumpSiteVersion(NOW);
        IcsFeedHandler handler = handlerAt(NOW);
        String file = Fixtures.SEED_SLUG + ".ics";
        String etag = handler.handleRequest(Requests.eventFile("GET", file, Map.of()), null).getHeaders().get("ETag");
        calls.clear();

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                Requests.eventFile("GET", file, Map.of("If-None-Match", etag)), null);

        assertThat(response.getStatusCode()).isEqualTo(304);
        assertThat(calls.operations()).containsExactly("GetItem");
    }

    @Test
    void movedEvent_changesTheTag_andRaisesSequence() {
        Event seed = Fixtures.seedEvent();
        store.create(seed);
        store.bumpSiteVersion(NOW);
        IcsFeedHandler handler = handlerAt(Instant.parse("2017-09-20T12:00:00Z"));
        String etag = get(handler, "/calendar.ics").getHeaders().get("ETag");

        EventDraft d = seed.draft();
        store.update(seed.edit(d.toBuilder().start(d.start().plusHours(1)).end(d.end().plusHours(1)).build(), NOW));
        store.bumpSiteVersion(NOW.plusSeconds(60));
        APIGatewayV2HTTPResponse response = handler.handleRequest(Requests.calendar("GET",
                Map.of("If-None-Match", etag)), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("ETag")).isNotEqualTo(etag);
        assertThat(times(response.getBody()).get(0).start()).isEqualTo(Instant.parse("2017-09-26T18:45:00Z"));
        assertThat(parse(response.getBody()).getEvents().get(0).getSequence().getValue())
                .isEqualTo(seed.icsSequence() + 1);
    }

    @Test
    void draftAndUnknownSlugs_are404() {
        store.create(Event.create("draft", Fixtures.seedDraft().withSlug("not-yet"), NOW));
        IcsFeedHandler handler = handlerAt(NOW);

        assertThat(get(handler, "/events/not-yet.ics").getStatusCode()).isEqualTo(404);
        assertThat(get(handler, "/events/never-was.ics").getStatusCode()).isEqualTo(404);
        assertThat(times(get(handler, "/calendar.ics").getBody())).isEmpty();
    }

    private IcsFeedHandler handlerAt(Instant now) {
        return new IcsFeedHandler(store, SITE, Clock.fixed(now, ZoneOffset.UTC), IcsFeedConfig.DEFAULT_PAST_DAYS);
    }

    private static APIGatewayV2HTTPResponse get(IcsFeedHandler handler, String path) {
        return handler.handleRequest(path.equals("/calendar.ics") ? Requests.calendar("GET", Map.of())
                : Requests.eventFile("GET", path.substring("/events/".length()), Map.of()), null);
    }

    private static LocalDateTime at(String local) {
        return LocalDateTime.parse(local);
    }
}
