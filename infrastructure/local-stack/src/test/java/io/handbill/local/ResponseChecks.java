package io.handbill.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The properties every answer must have, whatever was sent: no 5xx; nothing of the server's internals in the body
 * (stack frames, exception or class names); every 4xx a problem+json whose {@code status} is the HTTP status
 * (an HTML page only where a browser asked: a GET or a form post; a HEAD has no body to check); every 400
 * naming at least one field. The
 * unchanged-storage property needs the emulators and lives in the fuzz test itself.
 */
final class ResponseChecks {
    static final int PROPERTIES = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\\bio\\.handbill\\b|\\bjava\\.(lang|util|io|time)\\b"
                    + "|com\\.fasterxml|software\\.amazon|jackson|\\.java:\\d+|\\bcaused by\\b");

    private ResponseChecks() {
    }

    /** The properties {@code response} breaks, described; empty when it keeps them all. */
    static List<String> violations(FuzzRequest request, int status, String contentType, byte[] body) {
        List<String> broken = new ArrayList<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (status >= 500 || status < 100) {
            broken.add("status " + status);
        }
        var internals = INTERNALS.matcher(text);
        if (internals.find()) {
            broken.add("internals in the body: '" + internals.group() + "'");
        }
        if (status >= 400 && status < 500) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (type.startsWith("text/html")) {
                if (!asksForPage(request)) {
                    broken.add("an HTML " + status + " for a request that is no browser's");
                }
            } else if (!type.startsWith("application/problem+json")) {
                broken.add(status + " as '" + contentType + "', not application/problem+json");
            } else if (!(request.method().equals("HEAD") && body.length == 0)) {
                problemViolations(status, text).ifPresent(broken::add);
            }
        }
        return broken;
    }

    private static Optional<String> problemViolations(int status, String text) {
        JsonNode problem;
        try {
            problem = MAPPER.readTree(text);
        } catch (Exception e) {
            return Optional.of("the problem is not JSON");
        }
        if (problem == null || problem.path("status").asInt() != status || !problem.path("title").isTextual()) {
            return Optional.of("the problem's status/title do not match " + status);
        }
        if (status == 400) {
            JsonNode errors = problem.path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return Optional.of("a 400 that names no field: " + text);
            }
            for (JsonNode error : errors) {
                if (error.path("field").asText("").isBlank() || error.path("code").asText("").isBlank()) {
                    return Optional.of("a 400 error without field or code: " + error);
                }
            }
        }
        return Optional.empty();
    }

    /** A link clicked in a mail (GET) or a form posted from a page may be answered with a page. */
    private static boolean asksForPage(FuzzRequest request) {
        boolean form = request.headers().getOrDefault("Content-Type", List.of()).stream()
                .anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"));
        return request.method().equals("GET") || form;
    }
}
