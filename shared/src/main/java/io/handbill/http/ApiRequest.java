package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only view of an API Gateway HTTP API (payload v2) request, so that the mutable AWS event stays at the edge.
 * Header names are matched case-insensitively (API Gateway lower-cases them; local tools may not).
 */
public final class ApiRequest {
    private final APIGatewayV2HTTPEvent event;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public String method() {
        var context = event.getRequestContext();
        String method = context == null || context.getHttp() == null ? null : context.getHttp().getMethod();
        return method == null ? "" : method.toUpperCase(Locale.ROOT);
    }

    /** The client's address as API Gateway saw it ({@code requestContext.http.sourceIp}), or null without one. */
    public String sourceIp() {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
    }

    public String path() {
        return event.getRawPath() == null ? "" : event.getRawPath();
    }

    /** The route key API Gateway matched, such as {@code GET /api/events/{id}}, or "" when the event has none. */
    public String routeKey() {
        if (event.getRouteKey() != null) {
            return event.getRouteKey();
        }
        var context = event.getRequestContext();
        return context == null || context.getRouteKey() == null ? "" : context.getRouteKey();
    }

    /**
     * A {@code {name}} parameter of the route, decoded, as API Gateway extracted it from the path.
     *
     * @throws IllegalStateException when the route has no such parameter: a route table that does not match
     *                               template.yaml
     */
    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("Route " + routeKey() + " has no path parameter " + name);
        }
        return value;
    }

    /** API Gateway's request id, or "-" when the event has none. */
    public String requestId() {
        var context = event.getRequestContext();
        return context == null || context.getRequestId() == null ? "-" : context.getRequestId();
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            value = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return Optional.ofNullable(value);
    }

    public Optional<String> query(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return parameters == null ? Optional.empty() : Optional.ofNullable(parameters.get(name));
    }

    /** The JWT claims API Gateway's JWT authorizer verified, or an empty map when there were none. */
    public Map<String, String> jwtClaims() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    /** The body's bytes, base64-decoded when API Gateway encoded it; empty when there is no body. */
    public byte[] body() {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new ProblemException(Problem.of(400, "The body is not valid base64."));
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** A cheap lower bound of the body's size in bytes, so that an oversized body is refused before it is copied. */
    int bodySizeAtLeast() {
        String body = event.getBody();
        if (body == null) {
            return 0;
        }
        // each UTF-16 char is at least one UTF-8 byte; base64 turns 4 chars into 3 bytes, less up to 2 of padding
        return event.getIsBase64Encoded() ? Math.max(0, body.length() / 4 * 3 - 2) : body.length();
    }
}
