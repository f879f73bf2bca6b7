package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.json.Json;

import java.util.HashMap;
import java.util.Map;

/**
 * Responses of the JSON APIs. Every response says {@code no-store} (admin data and per-user answers must not sit in
 * shared caches) and {@code nosniff}.
 */
public final class ApiResponses {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiResponses() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
        return raw(status, JSON, Json.write(body), headers);
    }

    /** A body that is already JSON text, such as a stored response being replayed. */
    public static APIGatewayV2HTTPResponse jsonText(int status, String body, Map<String, String> headers) {
        return raw(status, JSON, body, headers);
    }

    public static APIGatewayV2HTTPResponse noContent(Map<String, String> headers) {
        return empty(204, headers);
    }

    /** A response without a body, such as 204 or 304. */
    public static APIGatewayV2HTTPResponse empty(int status, Map<String, String> headers) {
        return raw(status, null, null, headers);
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return problem(problem, Map.of());
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem, Map<String, String> headers) {
        return raw(problem.status(), PROBLEM_JSON, Json.write(problem), headers);
    }

    public static APIGatewayV2HTTPResponse problem(ProblemException e) {
        return problem(e.problem(), e.headers());
    }

    private static APIGatewayV2HTTPResponse raw(int status, String contentType, String body,
                                                Map<String, String> extra) {
        var headers = new HashMap<String, String>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(extra);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false).build();
    }
}
