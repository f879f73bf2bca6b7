package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.HashMap;
import java.util.Map;

/** Builds API Gateway v2 events for unit tests of io.handbill.http. */
final class Requests {
    private Requests() {
    }

    static ApiRequest withBody(String contentType, String body) {
        var headers = new HashMap<String, String>();
        if (contentType != null) {
            headers.put("content-type", contentType);
        }
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withHeaders(headers).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
                        .build())
                .build());
    }

    /** A request as API Gateway sends it for {@code routeKey}, from a reader at a known address. */
    static APIGatewayV2HTTPEvent routed(String routeKey, String rawPath, Map<String, String> pathParameters) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(rawPath)
                .withRawQueryString("token=secret-token").withQueryStringParameters(Map.of("token", "secret-token"))
                .withPathParameters(pathParameters)
                .withHeaders(Map.of("content-type", "application/json", "x-forwarded-for", "203.0.113.7"))
                .withBody("{\"email\":\"ann@example.org\"}").withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1")
                        .withRouteKey(routeKey)
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(routeKey.split(" ", 2)[0]).withPath(rawPath)
                                .withSourceIp("203.0.113.7").build())
                        .build())
                .build();
    }

    static ApiRequest withClaims(Map<String, String> claims) {
        var context = APIGatewayV2HTTPEvent.RequestContext.builder();
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withRequestContext(context.build()).build());
    }
}
