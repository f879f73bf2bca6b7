package io.handbill.api;

import io.handbill.http.Problem;
import io.handbill.http.ProblemException;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps method and path to one of the event API's routes, the same ones template.yaml declares. */
final class EventRouter {
    /** Event ids are UUIDs (or short seed keys); anything else cannot exist, so it is not looked up. */
    private static final Pattern ITEM = Pattern.compile("/api/events/([A-Za-z0-9-]{1,64})(/publish|/cancel)?");
    private static final String COLLECTION = "/api/events";

    enum Route {
        LIST("GET /api/events"),
        CREATE("POST /api/events"),
        GET("GET /api/events/{id}"),
        UPDATE("PUT /api/events/{id}"),
        DELETE("DELETE /api/events/{id}"),
        PUBLISH("POST /api/events/{id}/publish"),
        CANCEL("POST /api/events/{id}/cancel");

        private final String key;

        Route(String key) {
            this.key = key;
        }

        /** API Gateway's route key, as logged. */
        String key() {
            return key;
        }
    }

    /** @param eventId the {@code {id}} path parameter, or {@code null} on the collection */
    record Match(Route route, String eventId) {
    }

    /** @throws ProblemException 404 for an unknown path, 405 (with Allow) for a known path and another method */
    Match match(String method, String path) {
        if (path.equals(COLLECTION)) {
            return switch (method) {
                case "GET" -> new Match(Route.LIST, null);
                case "POST" -> new Match(Route.CREATE, null);
                default -> throw notAllowed("GET, POST");
            };
        }
        Matcher item = ITEM.matcher(path);
        if (!item.matches()) {
            throw new ProblemException(Problem.of(404, "There is nothing at this address."));
        }
        String id = item.group(1);
        String action = item.group(2);
        if (action == null) {
            return switch (method) {
                case "GET" -> new Match(Route.GET, id);
                case "PUT" -> new Match(Route.UPDATE, id);
                case "DELETE" -> new Match(Route.DELETE, id);
                default -> throw notAllowed("GET, PUT, DELETE");
            };
        }
        if (!method.equals("POST")) {
            throw notAllowed("POST");
        }
        return new Match(action.equals("/publish") ? Route.PUBLISH : Route.CANCEL, id);
    }

    private static ProblemException notAllowed(String allow) {
        return new ProblemException(Problem.of(405, "This address accepts " + allow + "."), Map.of("Allow", allow));
    }
}
