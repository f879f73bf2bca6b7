package io.handbill.render;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times for machines on the site ({@code <time datetime>}, JSON-LD): ISO 8601 with the event zone's offset. */
final class When {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private When() {
    }

    static String iso(LocalDateTime local, ZoneId zone) {
        return ISO.format(local.atZone(zone));
    }

    static String iso(Instant instant, ZoneId zone) {
        return ISO.format(instant.atZone(zone));
    }
}
