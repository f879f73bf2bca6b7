package io.handbill.local.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handbill.imports.EventsApi;
import io.handbill.imports.EventsApiException;
import io.handbill.json.Json;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.validation.FieldError;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link EventsApi} over HTTP with a bearer token: the local stack ({@code http://localhost:8080/api}) or a deployed
 * stack's API.
 */
final class HttpEventsApi implements EventsApi {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int PAGE_SIZE = 100;
    /** Responses may carry fields a newer API adds; requests are written with the strict mapper. */
    private static final ObjectMapper RESPONSES = Json.MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record EventPage(List<Event> items, String nextCursor) {
    }

    private record ProblemBody(String title, String detail, List<FieldError> errors) {
    }

    private final HttpClient http;
    private final String base;
    private final String token;

    /** @param apiBase such as {@code http://localhost:8080/api}, without a trailing slash */
    HttpEventsApi(HttpClient http, URI apiBase, String token) {
        this.http = http;
        this.base = apiBase.toString().replaceAll("/+$", "");
        this.token = token;
    }

    @Override
    public List<Event> listAll() throws EventsApiException {
        List<Event> all = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?limit=" + PAGE_SIZE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            EventPage page = send(request("/events" + query).GET(), EventPage.class);
            all.addAll(page.items() == null ? List.of() : page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Override
    public Event create(EventDraft draft, String idempotencyKey) throws EventsApiException {
        return send(request("/events").header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json").POST(body(draft)), Event.class);
    }

    @Override
    public Event update(String id, EventDraft draft, String etag) throws EventsApiException {
        return send(request("/events/" + id).header("If-Match", etag)
                .header("Content-Type", "application/json").PUT(body(draft)), Event.class);
    }

    @Override
    public Event publish(String id, String etag) throws EventsApiException {
        return send(request("/events/" + id + "/publish").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.noBody()), Event.class);
    }

    @Override
    public Event cancel(String id, String reason, String etag) throws EventsApiException {
        return send(request("/events/" + id + "/cancel").header("If-Match", etag)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("reason", reason)), StandardCharsets.UTF_8)),
                Event.class);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher body(EventDraft draft) {
        return HttpRequest.BodyPublishers.ofString(Json.write(draft), StandardCharsets.UTF_8);
    }

    private <T> T send(HttpRequest.Builder builder, Class<T> type) throws EventsApiException {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new EventsApiException(0, request.method() + " " + request.uri() + ": " + e, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsApiException(0, request.method() + " " + request.uri() + ": interrupted", List.of());
        }
        try {
            if (response.statusCode() / 100 != 2) {
                throw refusal(request, response);
            }
            return RESPONSES.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new EventsApiException(response.statusCode(), request.method() + " " + request.uri()
                    + ": unreadable response (" + e.getOriginalMessage() + ")", List.of());
        }
    }

    private static EventsApiException refusal(HttpRequest request, HttpResponse<String> response) {
        String what = request.method() + " " + request.uri().getPath() + " → " + response.statusCode();
        try {
            ProblemBody problem = RESPONSES.readValue(response.body(), ProblemBody.class);
            String detail = problem.detail() != null ? problem.detail() : problem.title();
            return new EventsApiException(response.statusCode(), what + (detail == null ? "" : ": " + detail),
                    problem.errors() == null ? List.of() : problem.errors());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new EventsApiException(response.statusCode(), what, List.of());
        }
    }
}
