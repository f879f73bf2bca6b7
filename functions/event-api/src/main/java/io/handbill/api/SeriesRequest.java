package io.handbill.api;

import io.handbill.model.EventDraft;

/**
 * Body of {@code POST /api/series} and {@code PUT /api/series/{id}}: every field nullable (and times as text) so
 * that {@link SeriesRequestValidator} can name each problem.
 *
 * @param startTime        local start, {@code 18:30}
 * @param duration         ISO-8601, {@code PT3H}
 * @param firstDate        occurrences on or after it; default today in {@code timeZone}
 * @param template         the fields each occurrence starts with; agenda times relative to {@code template.start}
 * @param applyToPublished on update: also change published occurrences (their subscribers get a change mail)
 */
record SeriesRequest(String title, String rule, String startTime, String duration, String timeZone,
                     String firstDate, Integer horizon, EventDraft template, Boolean applyToPublished) {
}
