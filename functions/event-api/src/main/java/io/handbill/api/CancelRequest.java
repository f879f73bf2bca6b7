package io.handbill.api;

/** Body of {@code POST /api/events/{id}/cancel}: why the event is off, shown on its page and in calendars. */
record CancelRequest(String reason) {
}
