package io.handbill.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * API Gateway HTTP API, locally: matches a request against {@link ApiRoutes#ROUTES}, builds the payload-2.0
 * {@link APIGatewayV2HTTPEvent} API Gateway would send (lower-case headers joined by commas, cookies apart,
 * decoded query and path parameters, binary bodies in base64, JWT claims for the admin token) and writes the
 * function's response back.
 */
public final class ApiGateway {
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** The HTTP functions' timeout in template.yaml. */
    static final int FUNCTION_TIMEOUT_MILLIS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ApiGateway.class);
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions;
    private final AdminToken adminToken;

    /** @param functions handler instances by handler class name, as {@link ApiRoute#handler()} names them */
    public ApiGateway(Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions,
                      AdminToken adminToken) {
        this.functions = Map.copyOf(functions);
        this.adminToken = adminToken;
    }

    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Optional<Map.Entry<ApiRoute, Map<String, String>>> match =
                route(method, exchange.getRequestURI().getRawPath());
        if (match.isEmpty()) {
            Responses.json(exchange, 404, "{\"message\":\"Not Found\"}");
            return;
        }
        ApiRoute route = match.get().getKey();
        var function = functions.get(route.handler());
        if (function == null) {
            Responses.json(exchange, 503, "{\"message\":\"" + simpleName(route.handler())
                    + " is not part of this build yet\"}");
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            Responses.json(exchange, 413, "{\"message\":\"Request Entity Too Large\"}");
            return;
        }
        String requestId = UUID.randomUUID().toString();
        APIGatewayV2HTTPEvent event = event(exchange, route, match.get().getValue(), body, requestId);
        APIGatewayV2HTTPResponse response;
        try {
            response = function.handleRequest(event, LocalContext.startingNow(simpleName(route.handler()), requestId,
                    FUNCTION_TIMEOUT_MILLIS));
        } catch (RuntimeException e) {
            // What API Gateway answers when the function throws.
            log.error("{} threw on {}", route.handler(), route.routeKey(), e);
            Responses.json(exchange, 500, "{\"message\":\"Internal Server Error\"}");
            return;
        }
        write(exchange, method, response, requestId);
    }

    /** The route and path parameters of a request, if any route matches. */
    public static Optional<Map.Entry<ApiRoute, Map<String, String>>> route(String method, String rawPath) {
        for (ApiRoute route : ApiRoutes.ROUTES) {
            Optional<Map<String, String>> parameters = route.match(method, rawPath);
            if (parameters.isPresent()) {
                return Optional.of(Map.entry(route, parameters.get()));
            }
        }
        return Optional.empty();
    }

    APIGatewayV2HTTPEvent event(HttpExchange exchange, ApiRoute route, Map<String, String> pathParameters,
                                byte[] body, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        Instant now = Instant.now();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String contentType = headers.getOrDefault("content-type", "");
        boolean binary = body.length > 0 && !isText(contentType);

        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(route.method());
        http.setPath(decodePath(exchange.getRequestURI().getRawPath()));
        http.setProtocol(exchange.getProtocol());
        http.setSourceIp(sourceIp(exchange.getRemoteAddress()));
        http.setUserAgent(headers.get("user-agent"));

        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAccountId("000000000000");
        context.setApiId("local");
        context.setDomainName(headers.getOrDefault("host", "localhost"));
        context.setDomainPrefix("local");
        context.setStage("$default");
        context.setRouteKey(route.routeKey());
        context.setRequestId(requestId);
        context.setTime(REQUEST_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        context.setHttp(http);
        if (adminToken.accepts(headers.get("authorization"))) {
            var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(adminToken.organiserClaims(now.getEpochSecond()));
            jwt.setScopes(null);
            var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }

        var event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(route.routeKey());
        event.setRawPath(exchange.getRequestURI().getRawPath());
        event.setRawQueryString(rawQuery == null ? "" : rawQuery);
        event.setCookies(cookies.isEmpty() ? null : cookies);
        event.setHeaders(headers);
        event.setQueryStringParameters(queryParameters(rawQuery));
        event.setPathParameters(pathParameters.isEmpty() ? null : pathParameters);
        event.setRequestContext(context);
        if (body.length > 0) {
            event.setBody(binary ? Base64.getEncoder().encodeToString(body)
                    : new String(body, StandardCharsets.UTF_8));
        }
        event.setIsBase64Encoded(binary);
        return event;
    }

    private static void write(HttpExchange exchange, String method, APIGatewayV2HTTPResponse response,
                              String requestId) throws IOException {
        var out = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(out::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach(out::put);
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> out.add("Set-Cookie", cookie));
        }
        out.set("apigw-requestid", requestId);
        byte[] body = response.getBody() == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        Responses.send(exchange, status, method.equals("HEAD") ? null : body);
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            return body.length > MAX_BODY_BYTES ? null : body;
        }
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static boolean isText(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/javascript");
    }

    private static String decodePath(String rawPath) {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return rawPath;
        }
    }

    private static String decodeQuery(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static String sourceIp(InetSocketAddress remote) {
        return remote == null ? "127.0.0.1" : remote.getAddress().getHostAddress();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
