package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.HashMap;
import java.util.Map;

/** API Gateway HTTP API (payload 2.0) requests as the subscription routes receive them. */
final class HttpEvents {
    private HttpEvents() {
    }

    static APIGatewayV2HTTPEvent post(String path, String contentType, String body, Map<String, String> query) {
        var headers = new HashMap<String, String>();
        headers.put("content-type", contentType);
        headers.put("accept", "application/json");
        return request("POST", path, headers, body, query, null);
    }

    static APIGatewayV2HTTPEvent formFromBrowser(String path, String body, Map<String, String> query) {
        var headers = new HashMap<String, String>();
        headers.put("content-type", "application/x-www-form-urlencoded");
        headers.put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return request("POST", path, headers, body, query, null);
    }

    static APIGatewayV2HTTPEvent get(String path, Map<String, String> query) {
        return request("GET", path, Map.of("accept", "text/html"), null, query, null);
    }

    static APIGatewayV2HTTPEvent admin(String path, Map<String, String> claims) {
        return request("GET", path, Map.of(), null, Map.of(), claims);
    }

    private static APIGatewayV2HTTPEvent request(String method, String path, Map<String, String> headers, String body,
                                                 Map<String, String> query, Map<String, String> claims) {
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("test-request")
                .withRouteKey(method + " " + path)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build());
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(method + " " + path)
                .withRawPath(path).withHeaders(headers)
                .withQueryStringParameters(query).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(context.build()).build();
    }
}
