package io.handbill.render;

import io.handbill.model.Event;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates and times read on the site: always in the event's own zone, with the zone named. */
final class When {
    private static final Locale LOCALE = Locale.UK;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", LOCALE);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", LOCALE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", LOCALE);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", LOCALE);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private When() {
    }

    static String day(Event e) {
        return DAY.format(e.zonedStart());
    }

    static String shortDay(Event e) {
        return SHORT_DAY.format(e.zonedStart());
    }

    /** "18:45 – 23:00 BST", or with the end's day when it ends on a later date. */
    static String hours(Event e) {
        ZonedDateTime start = e.zonedStart();
        ZonedDateTime end = e.zonedEnd();
        String until = end.toLocalDate().equals(start.toLocalDate())
                ? TIME.format(end) : DAY.format(end) + " " + TIME.format(end);
        return TIME.format(start) + " – " + until + " " + ZONE.format(end);
    }

    /** "18:45 – 19:15", or "21:00 – late" for an open-ended slot. */
    static String slot(LocalDateTime start, LocalDateTime end) {
        return TIME.format(start) + " – " + (end == null ? "late" : TIME.format(end));
    }

    static String iso(LocalDateTime local, ZoneId zone) {
        return ISO.format(local.atZone(zone));
    }

    static String iso(Instant instant, ZoneId zone) {
        return ISO.format(instant.atZone(zone));
    }

    /** "Tuesday 19 September 2017 at 18:45 BST": a former start, for the rescheduled notice. */
    static String dayAndTime(Instant instant, ZoneId zone) {
        ZonedDateTime at = instant.atZone(zone);
        return DAY.format(at) + " at " + TIME.format(at) + " " + ZONE.format(at);
    }
}
