package io.handbill.api;

import io.handbill.store.EventStore;
import io.handbill.store.InMemorySeriesStore;

import java.time.Clock;

/** An event-api handler on the given stores, series kept in memory: for tests of the event routes. */
final class Handlers {
    private Handlers() {
    }

    static EventApiHandler eventApi(EventStore events, IdempotencyStore idempotency, Clock clock) {
        var service = new EventService(events, idempotency, clock);
        return new EventApiHandler(service, new SeriesService(new InMemorySeriesStore(), events, service, clock));
    }
}
