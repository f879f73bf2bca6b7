package io.handbill.ical;

import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.SiteConfig;
import io.handbill.model.Venue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes events as an iCalendar object (RFC 5545): the group's feed, a single event's file and the calendar part of
 * reminder emails. Output depends only on its arguments (DTSTAMP is the event's last change), so the same data always
 * gives the same bytes and an HTTP entity tag can stand for it. Untrusted text is escaped, lines end in CRLF and are
 * folded at 75 octets; every zone an event uses gets a VTIMEZONE, so local times mean the same instant everywhere.
 */
public final class IcsWriter {
    /** The media type of what this class writes. */
    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    /** How often subscribers should re-read the feed. */
    public static final Duration REFRESH = Duration.ofHours(1);

    private static final String PRODID = "-//Handbill//Handbill Events//EN";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    /** The iTIP method (RFC 5546) the calendar declares. */
    public enum Method {
        /** A feed or a file to add: events carry STATUS CONFIRMED or CANCELLED. */
        PUBLISH,
        /** An invitation to one attendee (RFC 5546 §3.2.2), or its update: same UID, higher SEQUENCE. */
        REQUEST,
        /** A cancellation notice for events already in someone's calendar. */
        CANCEL
    }

    /**
     * The one attendee an iTIP REQUEST or CANCEL is addressed to, their answer (RFC 5545 PARTSTAT), and the SEQUENCE
     * their copy carries: above the last one they were sent, which is not always the event's own.
     */
    public record Attendee(String email, String name, String partstat, int sequence) {
    }

    private IcsWriter() {
    }

    /** A VCALENDAR holding {@code events} in the given order, named after the group. */
    public static String calendar(SiteConfig site, List<Event> events, Method method) {
        return calendar(site, events, method, null);
    }

    /**
     * An iTIP message about one event to one attendee: {@code REQUEST} for an invitation or its update,
     * {@code CANCEL} when the event or their place is gone. Mail clients show it as an invitation because it names
     * the ORGANIZER (the group's address) and the ATTENDEE.
     */
    public static String invitation(SiteConfig site, Event event, Method method, Attendee attendee) {
        return calendar(site, List.of(event), method, attendee);
    }

    private static String calendar(SiteConfig site, List<Event> events, Method method, Attendee attendee) {
        var out = new ContentLines(4096 + 3072 * events.size());
        out.line("BEGIN", "VCALENDAR");
        out.line("VERSION", "2.0");
        out.line("PRODID", PRODID);
        out.line("CALSCALE", "GREGORIAN");
        out.line("METHOD", method.name());
        out.text("X-WR-CALNAME", site.groupName());
        out.text("X-WR-CALDESC", "Events of " + site.groupName());
        mainZone(events).ifPresent(zone -> out.line("X-WR-TIMEZONE", zone));
        out.line("REFRESH-INTERVAL;VALUE=DURATION", REFRESH.toString());
        out.line("X-PUBLISHED-TTL", REFRESH.toString());
        spans(events).forEach((zone, span) -> VTimeZones.write(out, zone, span.from(), span.to()));
        if (events.isEmpty()) {
            // RFC 5545 wants at least one component: an empty feed carries the definition of UTC
            VTimeZones.write(out, ZoneId.of("UTC"), Instant.EPOCH, Instant.EPOCH);
        }
        String host = URI.create(site.siteUrl()).getHost();
        for (Event event : events) {
            writeEvent(out, site, host, event, method, attendee);
        }
        out.line("END", "VCALENDAR");
        return out.toString();
    }

    /** A VCALENDAR holding one event. */
    public static String event(SiteConfig site, Event event, Method method) {
        return calendar(site, List.of(event), method);
    }

    private static void writeEvent(ContentLines out, SiteConfig site, String host, Event event, Method method,
                                   Attendee attendee) {
        boolean cancelled = event.status() == EventStatus.CANCELLED || method == Method.CANCEL;
        Instant lastChange = Stream.of(event.updatedAt(), event.createdAt()).filter(Objects::nonNull).findFirst()
                .orElse(event.startsAt());
        out.line("BEGIN", "VEVENT");
        // the event id never changes, and the host keeps it unique among other sites' events
        out.text("UID", event.id() + "@" + host);
        out.line("DTSTAMP", UTC.format(lastChange));
        if (event.createdAt() != null) {
            out.line("CREATED", UTC.format(event.createdAt()));
        }
        out.line("LAST-MODIFIED", UTC.format(lastChange));
        out.line("SEQUENCE", Integer.toString(attendee == null ? event.icsSequence() : attendee.sequence()));
        out.line("STATUS", cancelled ? "CANCELLED" : "CONFIRMED");
        // clients that ignore STATUS (several do for subscribed feeds) still show the cancellation in the title
        out.text("SUMMARY", event.displayTitle());
        out.line("DTSTART;TZID=" + event.timeZone(), LOCAL.format(event.start()));
        out.line("DTEND;TZID=" + event.timeZone(), LOCAL.format(event.end()));
        Venue venue = event.venue();
        if (venue != null) {
            out.text("LOCATION", location(venue));
            if (venue.hasCoordinates()) {
                out.line("GEO", degrees(venue.latitude()) + ";" + degrees(venue.longitude()));
            }
        }
        out.text("DESCRIPTION", EventDescription.of(site, event));
        out.line("URL", IcsText.plain(site.eventUrl(event.slug())));
        if (site.organiserEmail() != null && !site.organiserEmail().isBlank()) {
            out.line("ORGANIZER;CN=" + IcsText.quotedParam(site.groupName()),
                    "mailto:" + IcsText.plain(site.organiserEmail()));
        }
        if (attendee != null) {
            out.line("ATTENDEE;CN=" + IcsText.quotedParam(attendee.name()) + ";ROLE=REQ-PARTICIPANT;PARTSTAT="
                    + attendee.partstat() + ";RSVP=FALSE", "mailto:" + IcsText.plain(attendee.email()));
        }
        if (!event.tags().isEmpty()) {
            out.line("CATEGORIES", event.tags().stream().map(IcsText::text).collect(Collectors.joining(",")));
        }
        out.line("TRANSP", cancelled ? "TRANSPARENT" : "OPAQUE");
        out.line("END", "VEVENT");
    }

    private static String location(Venue venue) {
        var parts = new ArrayList<String>();
        parts.add(venue.name());
        parts.addAll(venue.addressLines());
        parts.add(venue.city());
        parts.add(venue.postcode());
        parts.add(venue.country());
        return parts.stream().filter(p -> p != null && !p.isBlank()).collect(Collectors.joining(", "));
    }

    /** GEO wants plain decimal degrees, at most six places (RFC 5545 §3.8.1.6). */
    private static String degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** The zone most events use, ties to the one seen first: calendar apps show the feed in it by default. */
    private static Optional<String> mainZone(List<Event> events) {
        Map<String, Long> counts = events.stream()
                .collect(Collectors.groupingBy(Event::timeZone, LinkedHashMap::new, Collectors.counting()));
        String main = null;
        long most = 0;
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getValue() > most) {
                main = entry.getKey();
                most = entry.getValue();
            }
        }
        return Optional.ofNullable(main);
    }

    /** Per zone, the instants from the earliest start to the latest end: what its VTIMEZONE must cover. */
    private static Map<ZoneId, Span> spans(List<Event> events) {
        return events.stream().collect(Collectors.toMap(Event::zone, e -> new Span(e.startsAt(), e.endsAt()),
                Span::union, LinkedHashMap::new));
    }

    private record Span(Instant from, Instant to) {
        Span union(Span other) {
            return new Span(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
        }
    }
}
