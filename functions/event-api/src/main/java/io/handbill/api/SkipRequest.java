package io.handbill.api;

/** Body of {@code POST /api/series/{id}/skip}: a date of the series with no meetup, and why (shown on its page). */
record SkipRequest(String date, String reason) {
}
