package io.handbill.local.importer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.handbill.api.EventApiConfig;
import io.handbill.api.EventApiHandler;
import io.handbill.local.ApiGateway;
import io.handbill.testkit.LocalAws;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The real event-api handler behind a loopback HTTP server, shaped as API Gateway would hand it requests (route key
 * and path parameters as the local stack's gateway matches them): a request with {@code Authorization: Bearer
 * <token>} carries an organiser's JWT claims, any other carries none. Like the local stack, it also serves the
 * token at {@code /admin/config.json}.
 */
final class EventApiOverHttp implements AutoCloseable {
    private final HttpServer server;
    private final EventApiHandler handler;
    private final String token;

    private EventApiOverHttp(EventApiHandler handler, String token) throws IOException {
        this.handler = handler;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::handle);
        server.createContext("/admin/config.json", this::adminConfig);
        server.start();
    }

    /** Serves the handler as the Lambda runtime builds it, on the emulator's table. */
    static EventApiOverHttp start(LocalAws aws, Clock clock, String token) throws IOException {
        var config = EventApiConfig.from(Map.of("EVENTS_TABLE", aws.tableName()));
        return new EventApiOverHttp(new EventApiHandler(config, aws.dynamoDb(), clock), token);
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event(exchange), null);
            response.getHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    /** As the local stack hands its admin form the token (to localhost only). */
    private void adminConfig(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = ("{\"auth\":\"local\",\"token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private APIGatewayV2HTTPEvent event(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        URI uri = exchange.getRequestURI();
        String method = exchange.getRequestMethod();
        var route = ApiGateway.route(method, uri.getRawPath());
        var jwt = ("Bearer " + token).equals(headers.get("authorization"))
                ? APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(
                APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(Map.of("sub", "importer-it", "cognito:groups", "[organisers]")).build()).build()
                : null;
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.map(r -> r.getKey().routeKey()).orElse(method + " " + uri.getRawPath()))
                .withRawPath(uri.getRawPath())
                .withPathParameters(route.map(Map.Entry::getValue).filter(p -> !p.isEmpty()).orElse(null))
                .withRawQueryString(uri.getRawQuery() == null ? "" : uri.getRawQuery())
                .withQueryStringParameters(query(uri.getRawQuery()))
                .withHeaders(headers)
                .withBody(body.isEmpty() ? null : body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(uri.getRawPath()).build())
                        .withAuthorizer(jwt)
                        .build())
                .build();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        return parameters.isEmpty() ? null : parameters;
    }
}
