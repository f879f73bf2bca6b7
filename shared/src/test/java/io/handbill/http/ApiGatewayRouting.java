package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's routing for handler tests: sets the route key and path parameters a request's method and raw path
 * get among a function's routes, as API Gateway (and the local stack's gateway) would. A request no route matches
 * gets the key {@code "<METHOD> <raw path>"}, which no route table holds.
 */
public final class ApiGatewayRouting {
    private ApiGatewayRouting() {
    }

    public static APIGatewayV2HTTPEvent route(APIGatewayV2HTTPEvent event, List<String> routeKeys) {
        String method = event.getRequestContext().getHttp().getMethod();
        String key = method + " " + event.getRawPath();
        Map<String, String> parameters = null;
        for (String routeKey : routeKeys) {
            Optional<Map<String, String>> match = match(routeKey, method, event.getRawPath());
            if (match.isPresent()) {
                key = routeKey;
                parameters = match.get().isEmpty() ? null : match.get();
                break;
            }
        }
        event.setRouteKey(key);
        event.getRequestContext().setRouteKey(key);
        event.setPathParameters(parameters);
        return event;
    }

    /** Each {@code {name}} matches one whole non-empty segment, decoded. */
    static Optional<Map<String, String>> match(String routeKey, String method, String rawPath) {
        String[] methodAndPath = routeKey.split(" ", 2);
        if (!methodAndPath[0].equals(method)) {
            return Optional.empty();
        }
        String[] expected = methodAndPath[1].split("/", -1);
        String[] actual = rawPath.split("/", -1);
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        var parameters = new HashMap<String, String>();
        for (int i = 0; i < expected.length; i++) {
            String segment = URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            if (expected[i].startsWith("{") && expected[i].endsWith("}") && !segment.isEmpty()) {
                parameters.put(expected[i].substring(1, expected[i].length() - 1), segment);
            } else if (!expected[i].equals(segment)) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
