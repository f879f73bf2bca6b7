package io.handbill.render;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.util.Map;

/** API Gateway requests to the admin tools' routes, as the JWT authorizer passes them on. */
final class AdminRequests {
    static final Map<String, String> ORGANISER = Map.of("sub", "ann", "cognito:groups", "[organisers]");
    static final Map<String, String> READER = Map.of("sub", "bob", "cognito:groups", "[readers]");

    private AdminRequests() {
    }

    /**
     * @param claims the verified JWT's claims, or {@code null} for a request without a token
     * @param query  the query parameters, or {@code null}
     */
    static APIGatewayV2HTTPEvent post(String path, String body, Map<String, String> claims, Map<String, String> query) {
        String route = "POST " + path;
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1").withRouteKey(route)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath(path).build());
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(route).withRawPath(path)
                .withQueryStringParameters(query).withHeaders(Map.of("content-type", "application/json"))
                .withBody(body).withIsBase64Encoded(false).withRequestContext(context.build()).build();
    }
}
