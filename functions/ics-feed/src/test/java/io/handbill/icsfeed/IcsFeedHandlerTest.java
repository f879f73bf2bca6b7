package io.handbill.icsfeed;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.Fixtures;
import io.handbill.ical.IcsAssertions;
import io.handbill.json.Json;
import io.handbill.model.SiteConfig;
import io.handbill.store.InMemoryEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.handbill.ical.IcsAssertions.assertWellFormed;
import static org.assertj.core.api.Assertions.assertThat;

class IcsFeedHandlerTest {
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org", "Leeds DevOps",
            "organisers@example.org");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final InMemoryEventStore memory = new InMemoryEventStore();
    private final CountingEventStore store = new CountingEventStore(memory);
    private IcsFeedHandler handler;

    @BeforeEach
    void givenEventsAroundNow() {
        memory.create(Events.published("old", "Too old", LocalDateTime.parse("2025-11-20T18:30"),
                LocalDateTime.parse("2025-11-20T21:00"), "Europe/London"));
        memory.create(Events.published("past", "Spring meetup", LocalDateTime.parse("2026-03-10T18:30"),
                LocalDateTime.parse("2026-03-10T21:00"), "Europe/London"));
        memory.create(Events.published("next", "December meetup", LocalDateTime.parse("2026-12-10T18:30"),
                LocalDateTime.parse("2026-12-10T21:00"), "Europe/London"));
        memory.create(Events.cancelled("off", "January meetup", LocalDateTime.parse("2027-01-14T18:30"),
                LocalDateTime.parse("2027-01-14T21:00"), "Europe/London", "Snow"));
        // without the seed's alias: the seed event that some tests add holds it
        memory.create(io.handbill.model.Event.create("draft", Drafts.seed().slug("secret-plans").aliases(List.of())
                .build(), NOW));
        memory.bumpSiteVersion(Instant.parse("2026-11-20T09:30:00Z"));
        handler = handlerAt(NOW);
    }

    @ParameterizedTest
    @Event(value = "events/apigw/calendar-get.json", type = APIGatewayV2HTTPEvent.class)
    void calendar_holdsPublicEventsOfTheLastYearAndUpcoming(APIGatewayV2HTTPEvent request) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/calendar; charset=utf-8")
                .containsEntry("Content-Disposition", "inline; filename=\"calendar.ics\"")
                .containsEntry("Cache-Control", CalendarEndpoints.CACHE_CALENDAR)
                .containsEntry("ETag", "\"1.20251125." + configTag() + "\"")
                .containsEntry("Last-Modified", "Wed, 25 Nov 2026 00:00:00 GMT");
        assertWellFormed(response.getBody());
        assertThat(IcsAssertions.times(response.getBody())).extracting(IcsAssertions.Times::uid)
                .containsExactly("past@events.example.org", "next@events.example.org", "off@events.example.org");
        assertThat(response.getBody()).contains("STATUS:CANCELLED");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/calendar-head.json", type = APIGatewayV2HTTPEvent.class)
    void calendarHead_hasTheHeadersOfGetButNoBody_andReadsOnlyTheSiteVersion(APIGatewayV2HTTPEvent request) {
        APIGatewayV2HTTPResponse get = handler.handleRequest(Requests.calendar("GET", Map.of()), null);
        store.clear();

        APIGatewayV2HTTPResponse head = handler.handleRequest(request, null);

        assertThat(head.getStatusCode()).isEqualTo(200);
        assertThat(head.getBody()).isNull();
        assertThat(head.getHeaders()).isEqualTo(get.getHeaders());
        assertThat(store.calls()).containsExactly("siteVersion");
    }

    @Test
    void calendar_pagesThroughTheIndex() {
        for (int i = 0; i < CalendarFeeds.PAGE_SIZE + 5; i++) {
            memory.create(Events.published("bulk" + i, "Bulk " + i, LocalDateTime.parse("2027-02-01T18:00")
                    .plusDays(i), LocalDateTime.parse("2027-02-01T20:00").plusDays(i), "Europe/London"));
        }

        APIGatewayV2HTTPResponse response = handler.handleRequest(Requests.calendar("GET", Map.of()), null);

        assertThat(IcsAssertions.times(response.getBody())).hasSize(3 + CalendarFeeds.PAGE_SIZE + 5);
        assertThat(store.calls()).containsExactly("siteVersion", "listPublic", "listPublic");
    }

    @Test
    void matchingIfNoneMatch_is304AfterReadingOnlyTheSiteVersion() {
        String etag = handler.handleRequest(Requests.calendar("GET", Map.of()), null).getHeaders().get("ETag");
        store.clear();

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                Requests.calendar("GET", Map.of("If-None-Match", "\"other\", " + etag)), null);

        assertThat(response.getStatusCode()).isEqualTo(304);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders()).containsEntry("ETag", etag)
                .containsEntry("Cache-Control", CalendarEndpoints.CACHE_CALENDAR).containsKey("Last-Modified");
        assertThat(store.calls()).containsExactly("siteVersion");
    }

    @Test
    void weakFormOfTheTag_alsoMatches() {
        String etag = handler.handleRequest(Requests.calendar("GET", Map.of()), null).getHeaders().get("ETag");

        assertThat(handler.handleRequest(Requests.calendar("GET", Map.of("If-None-Match", "W/" + etag)), null)
                .getStatusCode()).isEqualTo(304);
    }

    @Test
    void afterAPublicChange_theOldTagNoLongerMatches() {
        String etag = handler.handleRequest(Requests.calendar("GET", Map.of()), null).getHeaders().get("ETag");
        memory.bumpSiteVersion(NOW);

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                Requests.calendar("GET", Map.of("If-None-Match", etag)), null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders().get("ETag")).isNotEqualTo(etag);
        assertThat(response.getHeaders()).containsEntry("Last-Modified", "Wed, 25 Nov 2026 12:00:00 GMT");
    }

    @Test
    void nextDay_theWindowMovesAndSoDoesTheTag() {
        String etag = handler.handleRequest(Requests.calendar("GET", Map.of()), null).getHeaders().get("ETag");

        APIGatewayV2HTTPResponse tomorrow = handlerAt(NOW.plusSeconds(86400))
                .handleRequest(Requests.calendar("GET", Map.of("If-None-Match", etag)), null);

        assertThat(tomorrow.getStatusCode()).isEqualTo(200);
        assertThat(tomorrow.getHeaders()).containsEntry("Last-Modified", "Thu, 26 Nov 2026 00:00:00 GMT");
    }

    @Test
    void ifModifiedSince_is304WhenNothingChangedSince_and200Otherwise() {
        assertThat(status(Requests.calendar("GET", Map.of("If-Modified-Since", "Wed, 25 Nov 2026 00:00:00 GMT"))))
                .isEqualTo(304);
        assertThat(status(Requests.calendar("GET", Map.of("If-Modified-Since", "Tue, 24 Nov 2026 23:59:59 GMT"))))
                .isEqualTo(200);
        assertThat(status(Requests.calendar("GET", Map.of("If-Modified-Since", "yesterday-ish")))).isEqualTo(200);
    }

    @Test
    void ifNoneMatchThatDiffers_winsOverIfModifiedSince() {
        assertThat(status(Requests.calendar("GET", Map.of("If-None-Match", "\"stale\"",
                "If-Modified-Since", "Wed, 25 Nov 2026 00:00:00 GMT")))).isEqualTo(200);
    }

    @ParameterizedTest
    @Event(value = "events/apigw/event-get.json", type = APIGatewayV2HTTPEvent.class)
    void eventFile_isTheEventAsAnAttachment(APIGatewayV2HTTPEvent request) {
        memory.create(Fixtures.seedEvent());

        APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/calendar; charset=utf-8")
                .containsEntry("Content-Disposition", "attachment; filename=\"" + Fixtures.SEED_SLUG + ".ics\"")
                .containsEntry("ETag", "\"1." + configTag() + "\"")
                .containsEntry("Last-Modified", "Fri, 20 Nov 2026 09:30:00 GMT");
        assertThat(IcsAssertions.times(response.getBody())).singleElement().satisfies(times ->
                assertThat(times.start()).isEqualTo(Instant.parse("2017-09-26T17:45:00Z")));
    }

    @ParameterizedTest
    @Event(value = "events/apigw/event-head.json", type = APIGatewayV2HTTPEvent.class)
    void eventFileHead_hasNoBody(APIGatewayV2HTTPEvent request) {
        memory.create(Fixtures.seedEvent());

        APIGatewayV2HTTPResponse response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isNull();
        assertThat(response.getHeaders()).containsKeys("ETag", "Last-Modified", "Content-Disposition");
    }

    @Test
    void draftOrUnknownSlug_is404Problem_cachedBriefly() {
        for (String file : new String[]{"secret-plans.ics", "no-such-event.ics"}) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(Requests.eventFile("GET", file, Map.of()), null);

            assertThat(response.getStatusCode()).as(file).isEqualTo(404);
            assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json")
                    .containsEntry("Cache-Control", CalendarEndpoints.CACHE_NOT_FOUND);
            assertThat(problem(response).get("detail").asText()).isEqualTo("No published event at this address.");
        }
    }

    @Test
    void fileThatIsNotASlugDotIcs_is404WithoutReadingTheStore() {
        for (String file : new String[]{"past", "past.ICS", "Past.ics", "..%2Fpast.ics", ".ics", "past.ics.ics"}) {
            assertThat(status(Requests.eventFile("GET", file, Map.of()))).as(file).isEqualTo(404);
        }
        assertThat(store.calls()).isEmpty();
    }

    @Test
    void eventFileRevalidation_is304AfterReadingOnlyTheSiteVersion() {
        memory.create(Fixtures.seedEvent());
        String file = Fixtures.SEED_SLUG + ".ics";
        String etag = handler.handleRequest(Requests.eventFile("GET", file, Map.of()), null).getHeaders().get("ETag");
        store.clear();

        APIGatewayV2HTTPResponse response = handler.handleRequest(
                Requests.eventFile("GET", file, Map.of("If-None-Match", etag)), null);

        assertThat(response.getStatusCode()).isEqualTo(304);
        assertThat(store.calls()).containsExactly("siteVersion");
    }

    @Test
    void ifNoneMatchAny_is304OnlyWhenTheEventExists() {
        memory.create(Fixtures.seedEvent());

        assertThat(status(Requests.eventFile("GET", Fixtures.SEED_SLUG + ".ics", Map.of("If-None-Match", "*"))))
                .isEqualTo(304);
        assertThat(status(Requests.eventFile("GET", "secret-plans.ics", Map.of("If-None-Match", "*"))))
                .isEqualTo(404);
    }

    @Test
    void routeKeyTheTemplateDoesNotGiveThisFunction_is404Problem_withoutReadingTheStore() {
        APIGatewayV2HTTPEvent post = Requests.calendar("GET", Map.of());
        post.getRequestContext().getHttp().setMethod("POST");
        post.setRouteKey("POST /calendar.ics");

        APIGatewayV2HTTPResponse response = handler.handleRequest(post, null);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Cache-Control", "no-store");
        assertThat(store.calls()).isEmpty();
    }

    @Test
    void storeFailure_is500WithAFixedMessage() {
        var broken = new IcsFeedHandler(new InMemoryEventStore() {
            @Override
            public io.handbill.store.SiteVersion siteVersion() {
                throw new IllegalStateException("table gone: arn:aws:dynamodb:secret");
            }
        }, SITE, Clock.fixed(NOW, ZoneOffset.UTC), 365);

        APIGatewayV2HTTPResponse response = broken.handleRequest(Requests.calendar("GET", Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("arn", "IllegalState");
        assertThat(problem(response).get("detail").asText()).startsWith("The calendar is unavailable");
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store")
                .containsEntry("Content-Type", "application/problem+json");
    }

    private IcsFeedHandler handlerAt(Instant now) {
        return new IcsFeedHandler(store, SITE, Clock.fixed(now, ZoneOffset.UTC), 365);
    }

    private int status(APIGatewayV2HTTPEvent request) {
        return handler.handleRequest(request, null).getStatusCode();
    }

    private static JsonNode problem(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    private static String configTag() {
        return Integer.toHexString(java.util.Arrays.hashCode(
                new Object[]{SITE.siteUrl(), SITE.groupName(), SITE.organiserEmail()}));
    }
}
