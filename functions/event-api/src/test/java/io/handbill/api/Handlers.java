package io.handbill.api;

import io.handbill.store.EventStore;
import io.handbill.store.InMemorySeriesStore;
import io.handbill.testkit.LocalAws;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Event-api handlers for tests: on in-memory stores, or wired as in Lambda on the emulator's table. */
final class Handlers {
    private Handlers() {
    }

    /** On the given stores, series kept in memory: for tests of the event routes. */
    static EventApiHandler eventApi(EventStore events, IdempotencyStore idempotency, Clock clock) {
        var service = new EventService(events, idempotency, clock);
        return new EventApiHandler(service, new SeriesService(new InMemorySeriesStore(), events, service, clock));
    }

    /** As the Lambda runtime builds it, on the emulator's table, with the clock stopped at {@code now}. */
    static EventApiHandler onTable(LocalAws aws, Instant now) {
        return new EventApiHandler(EventApiConfig.from(Map.of("EVENTS_TABLE", aws.tableName())), aws.dynamoDb(),
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
