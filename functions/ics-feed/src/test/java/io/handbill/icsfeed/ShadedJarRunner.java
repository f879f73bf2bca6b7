package io.handbill.icsfeed;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Map;

/**
 * Runs in a child JVM whose class path is the shaded jar (and this class): builds the handler as the Lambda runtime
 * does, from the environment, and prints the status and body of {@code GET /calendar.ics} or
 * {@code GET /events/<file>}, routed as API Gateway routes them. Uses nothing but the JDK and the jar.
 */
public final class ShadedJarRunner {
    private ShadedJarRunner() {
    }

    public static void main(String[] args) {
        String path = args[0];
        boolean calendar = path.equals("/calendar.ics");
        var request = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(calendar ? "GET /calendar.ics" : "GET /events/{file}")
                .withRawPath(path)
                .withPathParameters(calendar ? null : Map.of("file", path.substring("/events/".length())))
                .withHeaders(Map.of("accept", "text/calendar"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("shaded-jar")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path)
                                .build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = new IcsFeedHandler().handleRequest(request, null);
        System.out.println("STATUS " + response.getStatusCode());
        System.out.print(response.getBody());
    }
}
