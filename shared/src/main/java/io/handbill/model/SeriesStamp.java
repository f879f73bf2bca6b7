package io.handbill.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * What a series occurrence was made from: its date in the series, and for each template field a hash of the value
 * the template last gave it. A field whose current value still hashes the same was not edited by the organiser, so
 * a template edit may replace it.
 */
public record SeriesStamp(LocalDate date, Map<String, String> applied) {
    public SeriesStamp {
        Objects.requireNonNull(date, "date");
        applied = applied == null ? Map.of() : Map.copyOf(applied);
    }
}
