import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.handbill.subscribe.SubscriptionsHandler;

import java.util.Map;

/**
 * Run by ShadedJarIT with nothing but the shaded jar on the class path (Java's single-file source launcher):
 * one subscribe request through the handler's no-arg constructor, configured from the environment as in Lambda.
 */
public class SubscribeThroughShadedJar {
    public static void main(String[] args) {
        var request = APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("POST /api/subscriptions")
                .withRawPath("/api/subscriptions")
                .withHeaders(Map.of("content-type", "application/json"))
                .withBody("{\"email\":\"" + args[0] + "\"}").withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("shaded")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
                        .build())
                .build();
        var response = new SubscriptionsHandler().handleRequest(request, null);
        System.out.println("status " + response.getStatusCode());
    }
}
