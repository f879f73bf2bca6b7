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
    // English names: CLDR's en-GB abbreviates September to "Sept", the rest of the world (and our mails) to "Sep";
    // and en-GB has no short names for most zones outside Britain ("GMT-04:00" where English says "EDT")
    private static final Locale TEXT = Locale.ENGLISH;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", TEXT);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", TEXT);
    private static final DateTimeFormatter SHORT_DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", TEXT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", TEXT);
    // British names first ("BST"), American where British English has only an offset ("EDT"): plain English's
    // short names for London are not stable across JVM set-ups (seen as "GMT+01:00" under CI)
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.UK);
    private static final DateTimeFormatter US_ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

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

    /** "BST", "EDT", "IST": the zone's short name at that instant. */
    public static String zone(ZonedDateTime at) {
        String british = ZONE.format(at);
        return british.startsWith("GMT+") || british.startsWith("GMT-") ? US_ZONE.format(at) : british;
    }

    /** "18:45 – 23:00", or "23:00 – Wednesday 27 September 2017, 01:00" when it ends on a later date. */
    public static String span(ZonedDateTime start, ZonedDateTime end) {
        return time(start) + " – " + until(start, end);
    }

    /**
     * "18:45 – 23:00 BST": {@link #span} with the zone, named once; when the clocks change in between, each end
     * with its own ("00:30 BST – 03:00 GMT").
     */
    public static String hours(ZonedDateTime start, ZonedDateTime end) {
        String startZone = zone(start);
        String endZone = zone(end);
        if (startZone.equals(endZone)) {
            return span(start, end) + " " + endZone;
        }
        return time(start) + " " + startZone + " – " + until(start, end) + " " + endZone;
    }

    /** "18:45 – 19:15", or "21:00 – late" for an open-ended slot. */
    public static String slot(LocalDateTime start, LocalDateTime end) {
        return time(start) + " – " + (end == null ? "late" : time(end));
    }

    /** "Tuesday 19 September 2017 at 18:45 BST". */
    public static String dayAndTime(ZonedDateTime at) {
        return day(at) + " at " + time(at) + " " + zone(at);
    }

    /** "Tuesday 26 September 2017, 18:45 – 23:00 BST (Europe/London)": the whole when of an event, as pages and mails say it. */
    public static String when(ZonedDateTime start, ZonedDateTime end) {
        return day(start) + ", " + hours(start, end) + " (" + start.getZone().getId() + ")";
    }

    /** {@link #hours} of an event, or "from 19:00 BST" when the organiser gave no end. */
    public static String hours(Event event) {
        return event.endIsOpen() ? "from " + time(event.zonedStart()) + " " + zone(event.zonedStart())
                : hours(event.zonedStart(), event.zonedEnd());
    }

    /** {@link #when} of an event: "Tuesday 26 September 2017, from 18:45 BST (Europe/London)" when open-ended. */
    public static String when(Event event) {
        return day(event.zonedStart()) + ", " + hours(event) + " (" + event.timeZone() + ")";
    }

    /** The end's time, with its day when that is a later date than the start's. */
    private static String until(ZonedDateTime start, ZonedDateTime end) {
        return end.toLocalDate().equals(start.toLocalDate()) ? time(end) : day(end) + ", " + time(end);
    }
}
