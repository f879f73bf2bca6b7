package io.handbill.icsfeed;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.handbill.json.Json;
import io.handbill.model.AgendaItem;
import io.handbill.model.AgendaKind;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.SitePaths;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Runs the request path once before a SnapStart snapshot, changing nothing: a GET of an event file that does not
 * exist (the site version and slug reads, a 404), then a stored event's JSON read and the calendar writer over it
 * in two zones, confirmed and cancelled.
 */
final class Priming {
    /** A well-formed slug no event gets: generated slugs start with the event's date. */
    static final String ABSENT_SLUG = "priming-0000";

    private Priming() {
    }

    static void run(IcsFeedHandler handler, CalendarFeeds feeds) {
        handler.handleRequest(probe(), null);
        Event london = storedForm(sample("Europe/London"));
        Event newYork = sample("America/New_York").cancel("Priming", Instant.EPOCH);
        feeds.render(london);
        feeds.render(newYork);
    }

    static APIGatewayV2HTTPEvent probe() {
        String path = SitePaths.eventIcs(ABSENT_SLUG);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /events/{file}")
                .withRawPath(path)
                .withPathParameters(Map.of("file", ABSENT_SLUG + SitePaths.ICS))
                .withHeaders(Map.of("accept", "text/calendar"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath(path).build())
                        .build())
                .build();
    }

    private static Event sample(String zone) {
        LocalDateTime start = LocalDateTime.of(2030, 3, 26, 18, 45);
        var draft = EventDraft.builder().slug(ABSENT_SLUG).title("Priming").summary("Summary")
                .description("Description").start(start).end(start.plusHours(4)).timeZone(zone)
                .venue(new Venue("Venue", List.of("Line"), "City", "AB1 2CD", "Country", "https://example.org/", 53.8,
                        -1.5, "Notes"))
                .agenda(List.of(new AgendaItem(start, start.plusHours(1), "Talk", AgendaKind.TALK, "talk"),
                        new AgendaItem(start.plusHours(1), null, "Pub", AgendaKind.SOCIAL, null)))
                .talks(List.of(new Talk("talk", "Talk", "Abstract", List.of("speaker"))))
                .speakers(List.of(new Speaker("speaker", "Name", "Role", "Org", "Bio", "https://example.org/")))
                .tickets(List.of(new TicketLink("Tickets", "https://example.org/", true, null, null)))
                .codeOfConductUrl("https://example.org/").tags(List.of("tag")).build();
        return Event.create(ABSENT_SLUG, draft, Instant.EPOCH).publish(Instant.EPOCH);
    }

    private static Event storedForm(Event event) {
        try {
            return Json.read(Json.write(event), Event.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
