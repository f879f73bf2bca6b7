package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.http.ApiRequest;
import io.handbill.http.ApiResponses;
import io.handbill.http.JsonRequestBody;
import io.handbill.http.Problem;
import io.handbill.http.ProblemException;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.store.EventListing;
import io.handbill.store.Page;
import io.handbill.validation.FieldError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Translates each route between HTTP (headers, query, JSON bodies, status codes) and {@link EventService}. */
final class EventEndpoints {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Printable ASCII, as the Idempotency-Key header draft recommends; it becomes part of a table key. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** Body of {@code GET /api/events}. */
    record EventPage(List<Event> items, String nextCursor) {
    }

    private final EventService service;

    EventEndpoints(EventService service) {
        this.service = service;
    }

    APIGatewayV2HTTPResponse handle(EventRouter.Match match, ApiRequest request) {
        String id = match.eventId();
        return switch (match.route()) {
            case LIST -> list(request);
            case CREATE -> create(request);
            case GET -> get(id, request);
            case UPDATE -> update(id, request);
            case DELETE -> delete(id, request);
            case PUBLISH -> withEtag(200, service.publish(id, ifMatch(request)));
            case CANCEL -> withEtag(200, service.cancel(id, JsonRequestBody.read(request, CancelRequest.class),
                    ifMatch(request)));
        };
    }

    private APIGatewayV2HTTPResponse create(ApiRequest request) {
        EventDraft draft = JsonRequestBody.read(request, EventDraft.class);
        String key = request.header("Idempotency-Key").orElse(null);
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new ProblemException(Problem.invalid("Idempotency-Key", "invalid_format",
                    "Use 1 to 255 printable ASCII characters, such as a UUID"));
        }
        CreatedEvent created = service.create(draft, key);
        var headers = new HashMap<String, String>();
        headers.put("Location", "/api/events/" + created.id());
        headers.put("ETag", created.etag());
        if (created.replayed()) {
            headers.put("Idempotent-Replayed", "true");
        }
        return ApiResponses.jsonText(201, created.json(), headers);
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        var errors = new ArrayList<FieldError>();
        EventStatus status = request.query("status").map(s -> parseEnum(EventStatus.class, "status", s, errors))
                .orElse(null);
        EventListing.When when = request.query("when")
                .map(w -> parseEnum(EventListing.When.class, "when", w, errors)).orElse(EventListing.When.ALL);
        int limit = request.query("limit").map(l -> parseLimit(l, errors)).orElse(DEFAULT_LIMIT);
        String cursor = request.query("cursor").filter(c -> !c.isEmpty()).orElse(null);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Page<Event> page = service.list(status, when, cursor, limit);
        return ApiResponses.json(200, new EventPage(page.items(), page.nextCursor()));
    }

    private APIGatewayV2HTTPResponse get(String id, ApiRequest request) {
        Event event = service.get(id);
        boolean unchanged = request.header("If-None-Match")
                .map(tags -> Arrays.stream(tags.split(",")).map(String::trim)
                        .anyMatch(tag -> tag.equals("*") || tag.equals(event.etag())
                                || tag.equals("W/" + event.etag())))
                .orElse(false);
        if (unchanged) {
            return ApiResponses.empty(304, Map.of("ETag", event.etag()));
        }
        return withEtag(200, event);
    }

    private APIGatewayV2HTTPResponse update(String id, ApiRequest request) {
        IfMatch ifMatch = ifMatch(request);
        if (!ifMatch.isConditional()) {
            throw new ProblemException(Problem.of(428, "Send If-Match with the ETag of the version you edited, so "
                    + "that concurrent edits are not lost."));
        }
        EventDraft draft = JsonRequestBody.read(request, EventDraft.class);
        return withEtag(200, service.update(id, draft, ifMatch));
    }

    private APIGatewayV2HTTPResponse delete(String id, ApiRequest request) {
        service.delete(id, ifMatch(request));
        return ApiResponses.noContent(Map.of());
    }

    private static IfMatch ifMatch(ApiRequest request) {
        return IfMatch.parse(request.header("If-Match").orElse(null));
    }

    private static APIGatewayV2HTTPResponse withEtag(int status, Event event) {
        return ApiResponses.json(status, event, Map.of("ETag", event.etag()));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value,
                                                   List<FieldError> errors) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            var allowed = new ArrayList<String>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name().toLowerCase(Locale.ROOT));
            }
            errors.add(new FieldError(field, "invalid_value", "Use one of " + String.join(", ", allowed)));
            return null;
        }
    }

    private static Integer parseLimit(String value, List<FieldError> errors) {
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("limit", "out_of_range", "Use a whole number from 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }
}
