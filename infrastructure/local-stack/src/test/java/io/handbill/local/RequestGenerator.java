package io.handbill.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.fixtures.Fixtures;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates requests for every route of the local API Gateway's table ({@link ApiRoutes#ROUTES}), so that a route
 * added there is fuzzed without a change here. Bodies start from the real request of the route where one is known
 * (the seed event for event writes, a reason for cancel, an address for subscribe, the one-click form for
 * unsubscribe) and from fields of every known request otherwise; then they, the path parameters, the query and the
 * headers are mutated. Ids and ETags of events that exist come from {@link KnownEvents}, so that mutations reach
 * the code behind the lookups too.
 */
final class RequestGenerator {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final JsonNode SEED = JsonBodies.read(Fixtures.seedJson());
    private static final JsonNode CANCEL = JsonBodies.read("{\"reason\":\"Venue flooded\"}");
    private static final JsonNode SUBSCRIBE = JsonBodies.read("{\"email\":\"reader@example.org\"}");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json;charset=UTF-8", "APPLICATION/JSON", "application/problem+json",
            "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "application/json;;",
            "application/jsonx", "text/json", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/octet-stream", "image/png", "*/*", "", ";charset=utf-8",
            "application/vnd.api+json", "application/json; charset=\"utf-8\"", "application/json\u0000");
    private static final List<String> ACCEPTS = List.of("application/json", "text/html", "text/html,*/*;q=0.8",
            "*/*", "text/calendar", "application/problem+json", "image/*", "", "\u0085");
    private static final List<String> QUERY_NAMES = List.of("status", "when", "limit", "cursor", "token", "email",
            "from", "to", "q", "page", "id", "slug", "List-Unsubscribe");
    private static final List<String> QUERY_VALUES = List.of("draft", "published", "cancelled", "upcoming", "past",
            "all", "20", "1", "100", "101", "0", "-1", "2147483648", "1e3", " 5 ", "eyJwayI6IkVWRU5UIn0",
            "AAAA", "not-base64!", "One-Click");

    private final Random random;
    private final List<ApiRoute> routes;
    private final KnownEvents known;
    private final String adminToken;

    RequestGenerator(Random random, List<ApiRoute> routes, KnownEvents known, String adminToken) {
        this.random = random;
        this.routes = routes;
        this.known = known;
        this.adminToken = adminToken;
    }

    FuzzRequest next() {
        ApiRoute route = routes.get(random.nextInt(routes.size()));
        List<String> mutations = new ArrayList<>();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        authorization(headers, mutations);
        String id = null;
        var path = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(route.path());
        while (parameter.find()) {
            String value = pathParameter(parameter.group(1), mutations);
            id = id == null ? value : id;
            parameter.appendReplacement(path, Matcher.quoteReplacement(encodeSegment(value)));
        }
        parameter.appendTail(path);
        byte[] body = body(route, headers, mutations);
        preconditions(route, id, headers, mutations);
        if (random.nextInt(4) == 0) {
            headers.put("Accept", List.of(HostileText.pick(random, ACCEPTS)));
        }
        if (random.nextInt(10) == 0) {
            headers.put("X-" + HostileText.randomChars(random, 5).replaceAll("[^a-z]", "a"),
                    List.of(headerValue(HostileText.any(random))));
        }
        return new FuzzRequest(route.routeKey(), route.method(), path.toString(), query(mutations), headers, body,
                mutations);
    }

    private void authorization(Map<String, List<String>> headers, List<String> mutations) {
        if (random.nextInt(10) != 0) {
            headers.put("Authorization", List.of("Bearer " + adminToken));
            return;
        }
        String value = HostileText.pick(random, List.of("", "Bearer wrong", "Basic YTpi", "Bearer " + adminToken + "x",
                "bearer " + adminToken, "Bearer"));
        mutations.add("Authorization '" + value.replace(adminToken, "<token>") + "'");
        if (!value.isEmpty()) {
            headers.put("Authorization", List.of(value));
        }
    }

    private String pathParameter(String name, List<String> mutations) {
        boolean file = name.equals("file");
        if (random.nextInt(10) < 7 && !known.isEmpty()) {
            return file ? known.anySlug(random) + ".ics" : name.contains("slug") ? known.anySlug(random)
                    : known.anyId(random);
        }
        String value = switch (random.nextInt(4)) {
            case 0 -> HostileText.pick(random, HostileText.SHORT);
            case 1 -> HostileText.randomChars(random, 1 + random.nextInt(300));
            case 2 -> known.isEmpty() ? "x" : known.anyId(random) + HostileText.any(random);
            default -> HostileText.any(random);
        };
        if (value.isEmpty()) {
            value = ".";
        }
        if (file && random.nextBoolean()) {
            value += ".ics";
        }
        mutations.add("{" + name + "} = " + JsonBodies.describe(JsonBodies.NODES.textNode(value)));
        return value;
    }

    private byte[] body(ApiRoute route, Map<String, List<String>> headers, List<String> mutations) {
        boolean writes = route.method().equals("POST") || route.method().equals("PUT")
                || route.method().equals("PATCH");
        if (!writes && random.nextInt(10) != 0) {
            return new byte[0];
        }
        String contentType = random.nextInt(4) == 0 ? HostileText.pick(random, CONTENT_TYPES) : "application/json";
        byte[] body;
        String key = route.routeKey();
        if (key.equals("POST /api/unsubscribe") || (key.equals("POST /api/subscriptions") && random.nextBoolean())) {
            contentType = random.nextInt(4) == 0 ? contentType : "application/x-www-form-urlencoded";
            body = form(key.equals("POST /api/unsubscribe") ? "List-Unsubscribe" : "email",
                    key.equals("POST /api/unsubscribe") ? "One-Click" : "reader" + random.nextInt(50) + "@example.org",
                    mutations);
        } else {
            JsonNode template = key.endsWith("/cancel") ? CANCEL : key.startsWith("POST /api/subscriptions")
                    ? SUBSCRIBE : key.contains("/events") || random.nextBoolean() ? SEED : JsonBodies.anyObject(random);
            body = random.nextInt(20) == 0 ? new byte[0] : JsonBodies.mutate(random, template, mutations);
        }
        if (!contentType.equals("application/json")) {
            mutations.add("Content-Type '" + contentType + "'");
        }
        if (!contentType.isEmpty() || random.nextBoolean()) {
            headers.put("Content-Type", List.of(headerValue(contentType)));
        }
        return body;
    }

    private byte[] form(String name, String value, List<String> mutations) {
        String field = name;
        switch (random.nextInt(6)) {
            case 0 -> {
                value = HostileText.any(random);
                mutations.add("form value " + JsonBodies.describe(JsonBodies.NODES.textNode(value)));
            }
            case 1 -> {
                field = HostileText.pick(random, HostileText.SHORT);
                mutations.add("form name " + JsonBodies.describe(JsonBodies.NODES.textNode(field)));
            }
            case 2 -> {
                mutations.add("raw form with a bad escape");
                return (name + "=%E0%A4%A&x=%zz").getBytes(StandardCharsets.US_ASCII);
            }
            default -> {
                // as sent
            }
        }
        return (URLEncoder.encode(field, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void preconditions(ApiRoute route, String id, Map<String, List<String>> headers, List<String> mutations) {
        int choice = random.nextInt(20);
        String current = id == null ? null : known.etag(id);
        if (choice < 9) {
            if (current != null) {
                headers.put("If-Match", List.of(current));
            }
            return;
        }
        List<String> values = switch (choice) {
            case 9, 10 -> List.of("\"0\"");
            case 11 -> List.of("*");
            case 12 -> List.of(current == null ? "\"1\"" : current, "\"999\"");
            case 13 -> List.of(headerValue(HostileText.any(random)));
            case 14 -> List.of("W/" + (current == null ? "\"1\"" : current));
            case 15, 16 -> List.of();
            default -> null;
        };
        if (values != null) {
            mutations.add("If-Match " + values);
            if (!values.isEmpty()) {
                headers.put("If-Match", values);
            }
        } else if (route.method().equals("GET")) {
            String tag = random.nextBoolean() && current != null ? current : headerValue(HostileText.any(random));
            mutations.add("If-None-Match " + JsonBodies.describe(JsonBodies.NODES.textNode(tag)));
            headers.put("If-None-Match", List.of(tag));
        } else {
            String key = idempotencyKey();
            mutations.add("Idempotency-Key of " + key.length() + " chars");
            headers.put("Idempotency-Key", List.of(key));
        }
    }

    private String idempotencyKey() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "k".repeat(255);
            case 2 -> "k".repeat(256 + random.nextInt(2_000));
            case 3 -> headerValue(HostileText.any(random));
            case 4 -> "reused-" + random.nextInt(5);
            default -> "key-" + random.nextLong();
        };
    }

    private String query(List<String> mutations) {
        if (random.nextInt(3) == 0) {
            return "";
        }
        var pairs = new ArrayList<String>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            String name = random.nextInt(8) == 0 ? HostileText.any(random) : HostileText.pick(random, QUERY_NAMES);
            String value = random.nextInt(3) == 0 ? HostileText.any(random) : HostileText.pick(random, QUERY_VALUES);
            pairs.add(encodeQuery(name) + "=" + encodeQuery(value));
        }
        String query = String.join("&", pairs);
        mutations.add("query");
        return query;
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters, so that any text fits in one segment. */
    static String encodeSegment(String value) {
        var out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String encodeQuery(String value) {
        return encodeSegment(value);
    }

    /** Header values cannot hold CR or LF on the wire, and the JDK's Headers refuses them. */
    private static String headerValue(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
