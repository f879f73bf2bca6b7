package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.handbill.json.Json;
import io.handbill.model.AgendaItem;
import io.handbill.model.AgendaKind;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;
import io.handbill.validation.EventDraftValidator;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Runs the request path once before a snapshot without side effects: an authorised GET of an event id that cannot
 * exist (one DynamoDB GetItem, a 404 problem), and a JSON round trip and validation of a full draft.
 */
final class Priming {
    /** Well-formed, so it reaches the store, but never issued: issued ids are random UUIDs. */
    static final String ABSENT_ID = "priming-0000";

    private Priming() {
    }

    static void run(EventApiHandler handler, String adminGroup) {
        handler.handleRequest(probe(adminGroup), null);
        warmJson();
    }

    static APIGatewayV2HTTPEvent probe(String adminGroup) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "priming", "cognito:groups", "[" + adminGroup + "]")).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /api/events/{id}")
                .withRawPath("/api/events/" + ABSENT_ID)
                .withPathParameters(Map.of("id", ABSENT_ID))
                .withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET")
                                .withPath("/api/events/" + ABSENT_ID).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                        .build())
                .build();
    }

    static void warmJson() {
        LocalDateTime start = LocalDateTime.of(2030, 1, 1, 18, 0);
        var draft = EventDraft.builder().title("Priming").summary("Summary").description("Description")
                .start(start).end(start.plusHours(3)).timeZone("Europe/London")
                .venue(new Venue("Venue", List.of("Line"), "City", "AB1 2CD", "Country", "https://example.org/", 53.8,
                        -1.5, "Notes"))
                .agenda(List.of(new AgendaItem(start, null, "Talk", AgendaKind.TALK, "talk")))
                .talks(List.of(new Talk("talk", "Talk", "Abstract", List.of("speaker"))))
                .speakers(List.of(new Speaker("speaker", "Name", "Role", "Org", "Bio", "https://example.org/")))
                .tickets(List.of(new TicketLink("Tickets", "https://example.org/", true, null, null)))
                .codeOfConductUrl("https://example.org/").tags(List.of("tag")).aliases(List.of("/old/path")).build();
        try {
            EventDraft read = Json.read(Json.write(draft), EventDraft.class);
            EventDraftValidator.validate(read);
            Event event = Event.create(ABSENT_ID, read.withSlug("priming"), Instant.EPOCH);
            Json.read(Json.write(event.publish(Instant.EPOCH)), Event.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
