package io.handbill.api;

import io.handbill.http.ApiRequest;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpResponse;
import io.handbill.http.JsonRequestBody;
import io.handbill.http.Problem;
import io.handbill.http.ProblemException;
import io.handbill.http.Routes;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.store.EventListing;
import io.handbill.store.EventNotFoundException;
import io.handbill.store.Page;
import io.handbill.validation.FieldError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The organisers' routes, each translated between HTTP (headers, query, JSON bodies, status codes) and
 * {@link EventService}. Every route needs a member of the admin group.
 */
final class EventEndpoints {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Printable ASCII, as the Idempotency-Key header draft recommends; it becomes part of a table key. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    /** Event ids are UUIDs (or short seed keys); anything else cannot exist, so it is not looked up. */
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** The routes template.yaml gives the event-api function; every one is the organisers'. */
    static final Routes<EventEndpoints> ROUTES = Routes.<EventEndpoints>builder()
            .on("GET /api/events", organisers(EventEndpoints::list))
            .on("POST /api/events", organisers(EventEndpoints::create))
            .on("GET /api/events/{id}", organisers((api, request) -> api.get(eventId(request), request)))
            .on("PUT /api/events/{id}", organisers((api, request) -> api.update(eventId(request), request)))
            .on("DELETE /api/events/{id}", organisers((api, request) -> api.delete(eventId(request), request)))
            .on("POST /api/events/{id}/publish", organisers((api, request) ->
                    withEtag(api.service.publish(eventId(request), ifMatch(request)))))
            .on("POST /api/events/{id}/cancel", organisers((api, request) -> withEtag(api.service.cancel(
                    eventId(request), JsonRequestBody.read(request, CancelRequest.class), ifMatch(request)))))
            .on("GET /api/series", organisers((api, request) -> api.series.list()))
            .on("POST /api/series", organisers((api, request) -> api.series.create(request)))
            .on("GET /api/series/{id}", organisers((api, request) -> api.series.get(request)))
            .on("PUT /api/series/{id}", organisers((api, request) -> api.series.update(request)))
            .on("DELETE /api/series/{id}", organisers((api, request) -> api.series.end(request)))
            .on("POST /api/series/{id}/skip", organisers((api, request) -> api.series.skip(request)))
            .on("POST /api/events/{id}/reinstate", organisers((api, request) ->
                    withEtag(api.service.reinstate(eventId(request), ifMatch(request)))))
            .build();

    /** Body of {@code GET /api/events}. */
    record EventPage(List<Event> items, String nextCursor) {
    }

    private final EventService service;
    private final SeriesEndpoints series;
    private final GroupAuthorizer organisers;

    EventEndpoints(EventService service, SeriesService series, GroupAuthorizer organisers) {
        this.service = service;
        this.series = new SeriesEndpoints(series);
        this.organisers = organisers;
    }

    /** Authorises the request as an organiser's before the route reads anything. */
    private static Routes.Route<EventEndpoints> organisers(Routes.Route<EventEndpoints> route) {
        return (api, request) -> {
            api.organisers.authorize(request);
            return route.respond(api, request);
        };
    }

    /** @throws EventNotFoundException for an id no event can have */
    static String eventId(ApiRequest request) {
        String id = request.pathParameter("id");
        if (!EVENT_ID.matcher(id).matches()) {
            throw new EventNotFoundException(id);
        }
        return id;
    }

    private HttpResponse create(ApiRequest request) {
        EventDraft draft = JsonRequestBody.read(request, EventDraft.class);
        String key = request.header("Idempotency-Key").orElse(null);
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw new ProblemException(Problem.invalid("Idempotency-Key", "invalid_format",
                    "Use 1 to 255 printable ASCII characters, such as a UUID"));
        }
        CreatedEvent created = service.create(draft, key);
        var response = HttpResponse.jsonText(201, created.json())
                .header("Location", "/api/events/" + created.id())
                .header("ETag", created.etag());
        return created.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    private HttpResponse list(ApiRequest request) {
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
        return HttpResponse.json(200, new EventPage(page.items(), page.nextCursor()));
    }

    private HttpResponse get(String id, ApiRequest request) {
        Event event = service.get(id);
        boolean unchanged = request.header("If-None-Match")
                .map(tags -> Arrays.stream(tags.split(",")).map(String::trim)
                        .anyMatch(tag -> tag.equals("*") || tag.equals(event.etag())
                                || tag.equals("W/" + event.etag())))
                .orElse(false);
        if (unchanged) {
            return HttpResponse.empty(304).header("ETag", event.etag());
        }
        return withEtag(event);
    }

    private HttpResponse update(String id, ApiRequest request) {
        IfMatch ifMatch = ifMatch(request);
        if (!ifMatch.isConditional()) {
            throw new ProblemException(Problem.of(428, "Send If-Match with the ETag of the version you edited, so "
                    + "that concurrent edits are not lost."));
        }
        EventDraft draft = JsonRequestBody.read(request, EventDraft.class);
        return withEtag(service.update(id, draft, ifMatch));
    }

    private HttpResponse delete(String id, ApiRequest request) {
        service.delete(id, ifMatch(request));
        return HttpResponse.empty(204);
    }

    static IfMatch ifMatch(ApiRequest request) {
        return IfMatch.parse(request.header("If-Match").orElse(null));
    }

    private static HttpResponse withEtag(Event event) {
        return HttpResponse.json(200, event).header("ETag", event.etag());
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
