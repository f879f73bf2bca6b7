package io.handbill.render;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.handbill.http.GroupAuthorizer;
import io.handbill.json.Json;
import io.handbill.model.AgendaItem;
import io.handbill.model.AgendaKind;
import io.handbill.model.EventDraft;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The request run once before a SnapStart snapshot: an organiser's preview of a full draft that was never saved, so
 * the JSON reader, validation, Markdown, sanitiser and page templates are loaded, and nothing is read or written.
 */
final class AdminToolsPriming {
    private static final String PATH = "/api/preview";

    private AdminToolsPriming() {
    }

    static APIGatewayV2HTTPEvent preview(String adminGroup) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "priming", GroupAuthorizer.GROUPS_CLAIM, "[" + adminGroup + "]")).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST " + PATH)
                .withRawPath(PATH)
                .withHeaders(Map.of("content-type", "application/json", "accept", "application/json"))
                .withBody(Json.write(sampleDraft()))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath(PATH).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                        .build())
                .build();
    }

    private static EventDraft sampleDraft() {
        LocalDateTime start = LocalDateTime.of(2030, 1, 1, 18, 0);
        return EventDraft.builder().title("Priming").summary("Summary")
                .description("Some **Markdown** with a [link](https://example.org/).\n\n> A quote\n\n    code")
                .start(start).end(start.plusHours(3)).timeZone("Europe/London")
                .venue(new Venue("Venue", List.of("Line"), "City", "AB1 2CD", "Country", "https://example.org/", 53.8,
                        -1.5, "Notes"))
                .agenda(List.of(new AgendaItem(start, null, "Talk", AgendaKind.TALK, "talk")))
                .talks(List.of(new Talk("talk", "Talk", "Abstract", List.of("speaker"))))
                .speakers(List.of(new Speaker("speaker", "Name", "Role", "Org", "Bio", "https://example.org/")))
                .tickets(List.of(new TicketLink("Tickets", "https://example.org/", true, null, null)))
                .codeOfConductUrl("https://example.org/").tags(List.of("tag")).build();
    }
}
