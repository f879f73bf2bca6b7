package io.handbill.api;

import io.handbill.json.Json;
import io.handbill.model.Event;

/**
 * The answer to a create, kept with its idempotency key so that a retry gets the very same response.
 *
 * @param json     the event as the response body shows it
 * @param replayed true when this answers a retry rather than the request that created the event
 */
record CreatedEvent(String id, String etag, String json, boolean replayed) {
    static CreatedEvent of(Event event, boolean replayed) {
        return new CreatedEvent(event.id(), event.etag(), Json.write(event), replayed);
    }

    CreatedEvent asReplay() {
        return new CreatedEvent(id, etag, json, true);
    }
}
