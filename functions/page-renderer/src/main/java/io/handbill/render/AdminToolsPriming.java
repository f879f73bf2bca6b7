package io.handbill.render;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.handbill.http.GroupAuthorizer;
import io.handbill.json.Json;
import io.handbill.model.PrimingDraft;
import org.crac.Context;
import org.crac.Resource;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * Runs one request before a SnapStart snapshot: an organiser's preview of a full draft that was never saved, so the
 * JSON reader, validation, Markdown, sanitiser and page templates are loaded, and nothing is read or written.
 */
record AdminToolsPriming(AdminToolsHandler handler, String adminGroup) implements Resource {
    private static final String PATH = "/api/preview";

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        handler.handleRequest(preview(adminGroup), null);
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to reconnect: the url-connection client opens connections as needed
    }

    static APIGatewayV2HTTPEvent preview(String adminGroup) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "priming", GroupAuthorizer.GROUPS_CLAIM, "[" + adminGroup + "]")).build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("POST " + PATH)
                .withRawPath(PATH)
                .withHeaders(Map.of("content-type", "application/json", "accept", "application/json"))
                .withBody(Json.write(PrimingDraft.startingAt(LocalDateTime.of(2030, 1, 1, 18, 0))))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST")
                                .withPath(PATH).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                        .build())
                .build();
    }
}
