package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs in a child JVM on the shaded jar alone (plus this class): builds the handler as the Lambda runtime does,
 * from the environment, and serves create, get and list. Uses nothing but what the jar holds.
 */
public final class ShadedJarProbe {
    private ShadedJarProbe() {
    }

    public static void main(String[] args) throws Exception {
        String seedJson = Files.readString(Path.of(args[0]));
        var handler = new EventApiHandler();
        var created = handler.handleRequest(request("POST /api/events", "/api/events", Map.of(), seedJson), null);
        String location = created.getHeaders().get("Location");
        var got = handler.handleRequest(request("GET /api/events/{id}", location,
                Map.of("id", location.substring(location.lastIndexOf('/') + 1)), null), null);
        var listed = handler.handleRequest(request("GET /api/events", "/api/events", Map.of(), null), null);
        System.err.println("PROBE create=" + created.getStatusCode() + " get=" + got.getStatusCode() + " list="
                + listed.getStatusCode() + " location=" + location);
    }

    private static APIGatewayV2HTTPEvent request(String routeKey, String path, Map<String, String> pathParameters,
                                                 String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "probe", "cognito:groups", "[organisers]")).build();
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withRawPath(path)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withHeaders(body == null ? Map.of() : Map.of("content-type", "application/json")).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("probe-" + method)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                        .build())
                .build();
    }
}
