package io.handbill.model;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How dates and times read for people, on pages, in feeds and in mails alike, so the same instant reads the same
 * everywhere. Always in the event's own zone.
 */
public final class HumanTime {
    // English names: CLDR's en-GB abbreviates September to "Sept", the rest of the world (and our mails) to "Sep"
    private static final Locale TEXT = Locale.ENGLISH;
    // en-GB zone names: "BST"/"GMT" for London, an offset ("GMT-04:00") where British English has no abbreviation
    private static final Locale ZONE_NAMES = Locale.UK;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", TEXT);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", TEXT);
    private static final DateTimeFormatter SHORT_DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", TEXT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", TEXT);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", ZONE_NAMES);

    private HumanTime() {
    }

    /** "Tuesday 26 September 2017". */
    public static String day(TemporalAccessor at) {
        return DAY.format(at);
    }

    /** "Tue 26 Sep 2017". */
    public static String shortDay(TemporalAccessor at) {
        return SHORT_DAY.format(at);
    }

    /** "Tue 26 Sep, 18:45". */
    public static String shortDayAndTime(TemporalAccessor at) {
        return SHORT_DAY_AND_TIME.format(at);
    }

    /** "18:45". */
    public static String time(TemporalAccessor at) {
        return TIME.format(at);
    }

    /** "BST". */
    public static String zone(ZonedDateTime at) {
        return ZONE.format(at);
    }

    /** "18:45 – 23:00", or "23:00 – Wednesday 27 September 2017, 01:00" when it ends on a later date. */
    public static String span(ZonedDateTime start, ZonedDateTime end) {
        String until = end.toLocalDate().equals(start.toLocalDate()) ? time(end) : day(end) + ", " + time(end);
        return time(start) + " – " + until;
    }

    /** "18:45 – 23:00 BST": {@link #span} with the zone, which a page names once. */
    public static String hours(ZonedDateTime start, ZonedDateTime end) {
        return span(start, end) + " " + zone(end);
    }

    /** "18:45 – 19:15", or "21:00 – late" for an open-ended slot. */
    public static String slot(LocalDateTime start, LocalDateTime end) {
        return time(start) + " – " + (end == null ? "late" : time(end));
    }

    /** "Tuesday 19 September 2017 at 18:45 BST". */
    public static String dayAndTime(ZonedDateTime at) {
        return day(at) + " at " + time(at) + " " + zone(at);
    }
}
