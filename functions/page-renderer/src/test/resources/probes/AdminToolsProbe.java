import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.handbill.render.AdminToolsHandler;

import java.util.Map;

/**
 * Run from the deployable jar alone by ShadedJarIT ({@code java -cp page-renderer.jar AdminToolsProbe.java}): the
 * admin tools' Lambda constructor, a preview and an upload, each answer's status and body on a line of its own.
 */
public class AdminToolsProbe {
    public static void main(String[] args) {
        var handler = new AdminToolsHandler();
        String draft = "{\"title\":\"Probe\",\"start\":\"2030-03-26T18:45:00\",\"end\":\"2030-03-26T21:00:00\","
                + "\"timeZone\":\"Europe/London\",\"description\":\"> quoted\"}";
        for (String[] call : new String[][]{{"/api/preview", draft},
                {"/api/uploads", "{\"contentType\":\"image/png\",\"bytes\":100}"}}) {
            var response = handler.handleRequest(request(call[0], call[1]), null);
            System.out.println("RESULT " + response.getStatusCode() + " " + response.getBody());
        }
    }

    private static APIGatewayV2HTTPEvent request(String path, String body) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("POST " + path).withRawPath(path)
                .withHeaders(Map.of("content-type", "application/json")).withBody(body)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("probe")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath(path)
                                .build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", "probe", "cognito:groups", "[organisers]")).build())
                                .build())
                        .build())
                .build();
    }
}
