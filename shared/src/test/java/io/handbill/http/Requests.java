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
