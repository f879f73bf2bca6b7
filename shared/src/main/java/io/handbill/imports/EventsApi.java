package io.handbill.imports;

import io.handbill.model.Event;
import io.handbill.model.EventDraft;

import java.util.List;

/**
 * The organisers' event operations an import uses: the event-api's routes under {@code /api/events} over HTTP (the
 * import command), or the event-api's service in-process (the scheduled feed sync).
 */
public interface EventsApi {

    /** Every event, drafts included, across all pages. */
    List<Event> listAll() throws EventsApiException;

    /** {@code POST /api/events}; a retry with the same key creates nothing new. */
    Event create(EventDraft draft, String idempotencyKey) throws EventsApiException;

    /** {@code PUT /api/events/{id}} with {@code If-Match: etag}. */
    Event update(String id, EventDraft draft, String etag) throws EventsApiException;

    /** {@code POST /api/events/{id}/publish} with {@code If-Match: etag}. */
    Event publish(String id, String etag) throws EventsApiException;

    /** {@code POST /api/events/{id}/cancel} with {@code If-Match: etag}. */
    Event cancel(String id, String reason, String etag) throws EventsApiException;
}
