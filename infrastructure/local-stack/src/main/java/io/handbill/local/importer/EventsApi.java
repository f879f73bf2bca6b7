package io.handbill.local.importer;

import io.handbill.model.Event;
import io.handbill.model.EventDraft;

import java.util.List;

/** The event-api as the importer uses it: the organisers' routes under {@code /api/events}. */
interface EventsApi {

    /** Every event, drafts included, across all pages. */
    List<Event> listAll() throws EventsApiException;

    /** {@code POST /api/events}; a retry with the same key creates nothing new. */
    Event create(EventDraft draft, String idempotencyKey) throws EventsApiException;

    /** {@code PUT /api/events/{id}} with {@code If-Match: etag}. */
    Event update(String id, EventDraft draft, String etag) throws EventsApiException;

    /** {@code POST /api/events/{id}/publish} with {@code If-Match: etag}. */
    Event publish(String id, String etag) throws EventsApiException;
}
