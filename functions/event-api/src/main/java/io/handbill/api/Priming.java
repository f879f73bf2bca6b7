package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.handbill.json.Json;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.PrimingDraft;
import io.handbill.validation.EventDraftValidator;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
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
        var draft = PrimingDraft.startingAt(LocalDateTime.of(2030, 1, 1, 18, 0));
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
