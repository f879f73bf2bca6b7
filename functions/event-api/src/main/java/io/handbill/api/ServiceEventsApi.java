package io.handbill.api;

import io.handbill.http.Problem;
import io.handbill.imports.EventsApi;
import io.handbill.imports.EventsApiException;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.EventListing;
import io.handbill.store.Page;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The event-api's operations in-process, for the scheduled feed sync: the same service, validation and rules as
 * the HTTP routes, and the same refusals (as the status and field errors the route would answer with).
 */
public final class ServiceEventsApi implements EventsApi {
    private static final int PAGE_SIZE = 100;

    private final EventService events;

    ServiceEventsApi(EventService events) {
        this.events = events;
    }

    /** The event-api's service on the given table, as the function wires it. */
    public static ServiceEventsApi onTable(DynamoDbClient dynamo, String table, Clock clock) {
        return new ServiceEventsApi(new EventService(new DynamoDbEventStore(dynamo, table),
                new DynamoDbIdempotencyStore(dynamo, table), clock));
    }

    @Override
    public List<Event> listAll() throws EventsApiException {
        List<Event> all = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            Page<Event> page = call("list events", () -> events.list(null, EventListing.When.ALL, after, PAGE_SIZE));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Override
    public Event create(EventDraft draft, String idempotencyKey) throws EventsApiException {
        CreatedEvent created = call("create", () -> events.create(draft, idempotencyKey));
        return call("read " + created.id(), () -> events.get(created.id()));
    }

    @Override
    public Event update(String id, EventDraft draft, String etag) throws EventsApiException {
        return call("update " + id, () -> events.update(id, draft, IfMatch.parse(etag)));
    }

    @Override
    public Event publish(String id, String etag) throws EventsApiException {
        return call("publish " + id, () -> events.publish(id, IfMatch.parse(etag)));
    }

    @Override
    public Event cancel(String id, String reason, String etag) throws EventsApiException {
        return call("cancel " + id, () -> events.cancel(id, new CancelRequest(reason), IfMatch.parse(etag)));
    }

    private static <T> T call(String what, Supplier<T> operation) throws EventsApiException {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            Problem problem = EventProblems.of(e);
            if (problem == null) {
                throw e;
            }
            throw new EventsApiException(problem.status(), what + " → " + problem.status() + ": " + problem.detail(),
                    problem.errors());
        }
    }
}
