package io.handbill.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the HTTP API, spelled as in template.yaml: {@code method} and {@code path} form API Gateway's route
 * key ({@code GET /api/events/{id}}), {@code handler} is the function's handler class.
 */
public record ApiRoute(String method, String path, String handler) {

    public String routeKey() {
        return method + " " + path;
    }

    /**
     * The (decoded) path parameters when {@code rawPath} matches this route's path, segment by segment — a
     * parameter matches one whole non-empty segment, as API Gateway's {@code {name}} does, so an encoded slash
     * stays inside its segment.
     */
    public Optional<Map<String, String>> match(String requestMethod, String rawPath) {
        if (!method.equals(requestMethod)) {
            return Optional.empty();
        }
        String[] expected = path.split("/", -1);
        String[] actual = rawPath.split("/", -1);
        if (expected.length != actual.length) {
            return Optional.empty();
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            try {
                actual[i] = URLDecoder.decode(actual[i].replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformedEscape) {
                return Optional.empty();
            }
            if (expected[i].startsWith("{") && expected[i].endsWith("}")) {
                if (actual[i].isEmpty()) {
                    return Optional.empty();
                }
                parameters.put(expected[i].substring(1, expected[i].length() - 1), actual[i]);
            } else if (!expected[i].equals(actual[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
