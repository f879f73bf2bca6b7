package io.handbill.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The local API Gateway over a real loopback socket, with a function that records what it was sent. */
class ApiGatewayIT {
    private final AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;
    private APIGatewayV2HTTPResponse answer;

    @BeforeEach
    void start() throws IOException {
        answer = APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("{}")
                .withHeaders(Map.of("Content-Type", "application/json")).build();
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> recorder = (event, context) -> {
            received.set(event);
            return answer;
        };
        var gateway = new ApiGateway(Map.of(ApiRoutes.EVENT_API, recorder, ApiRoutes.ICS_FEED, recorder),
                new AdminToken("secret"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                gateway.handle(exchange);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void adminToken_becomesOrganiserClaims_asTheJwtAuthorizerWouldPassThem() throws Exception {
        send(request("/api/events/e-1").header("Authorization", "Bearer secret").GET());

        var context = received.get().getRequestContext();
        assertThat(context.getAuthorizer().getJwt().getClaims()).containsEntry("cognito:groups", "[organisers]");
        assertThat(context.getRouteKey()).isEqualTo("GET /api/events/{id}");
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getStage()).isEqualTo("$default");
        assertThat(received.get().getPathParameters()).containsEntry("id", "e-1");
        assertThat(received.get().getVersion()).isEqualTo("2.0");
    }

    @Test
    void missingOrWrongToken_getsNoClaims() throws Exception {
        send(request("/api/events").GET());
        assertThat(received.get().getRequestContext().getAuthorizer()).isNull();

        send(request("/api/events").header("Authorization", "Bearer guess").GET());
        assertThat(received.get().getRequestContext().getAuthorizer()).isNull();
    }

    @Test
    void headersQueryAndCookies_areShapedLikePayloadTwo() throws Exception {
        send(request("/api/events?status=draft&tag=a&tag=b&q=caf%C3%A9").header("X-Trace", "one")
                .header("Cookie", "a=1; b=2").GET());

        APIGatewayV2HTTPEvent event = received.get();
        assertThat(event.getHeaders()).containsEntry("x-trace", "one").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("a=1", "b=2");
        assertThat(event.getQueryStringParameters()).containsEntry("status", "draft").containsEntry("tag", "a,b")
                .containsEntry("q", "café");
        assertThat(event.getRawQueryString()).isEqualTo("status=draft&tag=a&tag=b&q=caf%C3%A9");
        assertThat(event.getRawPath()).isEqualTo("/api/events");
    }

    @Test
    void jsonBody_isText_andBinaryBody_isBase64() throws Exception {
        send(request("/api/events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Tea\"}")));
        assertThat(received.get().getBody()).isEqualTo("{\"title\":\"Tea\"}");
        assertThat(received.get().getIsBase64Encoded()).isFalse();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        send(request("/api/events").header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png)));
        assertThat(received.get().getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(received.get().getBody())).isEqualTo(png);
    }

    @Test
    void functionResponse_isWrittenBack_withHeadersCookiesAndDecodedBody() throws Exception {
        answer = APIGatewayV2HTTPResponse.builder().withStatusCode(201)
                .withHeaders(Map.of("Content-Type", "text/calendar", "ETag", "\"3\""))
                .withCookies(List.of("seen=1; Path=/")).withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString("BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8)))
                .build();

        HttpResponse<String> response = send(request("/calendar.ics").GET());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("BEGIN:VCALENDAR");
        assertThat(response.headers().firstValue("etag")).contains("\"3\"");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("seen=1; Path=/");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }

    @Test
    void unknownRoute_is404_andUnbuiltFunction_is503_withoutCallingAnything() throws Exception {
        assertThat(send(request("/api/nowhere").GET()).statusCode()).isEqualTo(404);
        assertThat(send(request("/api/subscriptions").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
                .isEqualTo(503);
        assertThat(received.get()).isNull();
    }

    @Test
    void throwingFunction_is500_withAFixedBody() throws Exception {
        var gateway = new ApiGateway(Map.of(ApiRoutes.EVENT_API, (event, context) -> {
            throw new IllegalStateException("secret detail");
        }), new AdminToken("secret"));
        server.removeContext("/");
        server.createContext("/", exchange -> {
            try (exchange) {
                gateway.handle(exchange);
            }
        });

        HttpResponse<String> response = send(request("/api/events").GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
