package io.handbill.sync.ics;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * One event as a feed gives it, times resolved to a zone, text unescaped but not yet cleaned up.
 *
 * @param key         the UID, or {@code UID#<original start in UTC>} for one occurrence of a recurring event
 * @param line        where its VEVENT starts
 * @param description plain text, or HTML when {@code html}
 * @param latitude    from GEO, or {@code null}
 */
record IcsEvent(String key, int line, ZonedDateTime start, ZonedDateTime end, String summary, String description,
                boolean html, String location, Double latitude, Double longitude, String url,
                List<String> categories, boolean cancelled) {
}
