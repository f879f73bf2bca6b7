package io.handbill.ical;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.io.ParseWarning;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks on produced iCalendar text, shared through the test-jar: the line format of RFC 5545 §3.1 checked octet by
 * octet, and parses by two independent implementations. ical4j resolves each TZID through the calendar's own
 * VTIMEZONE (it names such zones {@code ical4j-local-N}), so its instants prove our VTIMEZONEs; it ignores
 * observances without an RRULE, so zones we write as RDATE lists are read with biweekly, which handles those (and
 * whose RRULE expansion errs by an hour on some transition days, hence ical4j for the rest).
 */
public final class IcsAssertions {
    private IcsAssertions() {
    }

    /** When an event happens, as a calendar app would compute it. */
    public record Times(String uid, Instant start, Instant end) {
    }

    /** Every line ends in CRLF, holds at most 75 octets and is valid UTF-8 on its own. */
    public static void assertWellFormed(String ics) {
        byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
        assertThat(ics).endsWith("\r\n");
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r') {
                assertThat(i + 1 < bytes.length && bytes[i + 1] == '\n').as("CR at octet %d is followed by LF", i)
                        .isTrue();
                assertThat(i - lineStart).as("octets in line at %d", lineStart).isLessThanOrEqualTo(75);
                decodeStrictly(bytes, lineStart, i - lineStart);
                lineStart = i + 2;
                i++;
            } else {
                assertThat(bytes[i]).as("bare LF at octet %d", i).isNotEqualTo((byte) '\n');
            }
        }
    }

    /** ical4j's validator, which checks each component and property against RFC 5545, finds nothing. */
    public static void assertValid(String ics) {
        var result = ical4j(ics).validate();
        assertThat(result.getEntries()).as("RFC 5545 validation").isEmpty();
    }

    /** biweekly's reading of exactly one VCALENDAR, failing on any warning it reports. */
    public static ICalendar parse(String ics) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        List<ICalendar> calendars = Biweekly.parse(ics).warnings(warnings).all();
        assertThat(calendars).hasSize(1);
        assertThat(warnings.stream().flatMap(List::stream)).as("parser warnings").isEmpty();
        return calendars.get(0);
    }

    /** biweekly's start and end of each VEVENT: for zones written as RDATE lists. */
    public static List<Times> timesByBiweekly(String ics) {
        return parse(ics).getEvents().stream().map(e -> new Times(e.getUid().getValue(),
                e.getDateStart().getValue().toInstant(), e.getDateEnd().getValue().toInstant())).toList();
    }

    /** ical4j's start and end of each VEVENT, its TZIDs resolved through the calendar's VTIMEZONEs. */
    public static List<Times> times(String ics) {
        return ical4j(ics).<VEvent>getComponents("VEVENT").stream().map(e -> new Times(
                e.getUid().orElseThrow().getValue(), instant(e, "DTSTART"), instant(e, "DTEND"))).toList();
    }

    /**
     * The zone ical4j built from the calendar's VTIMEZONE for {@code zone} (not from any database) gives java.time's
     * offset at every quarter hour in {@code [from, to]} and on both sides of every transition there.
     */
    public static void assertZoneMatches(String ics, ZoneId zone, Instant from, Instant to) {
        ZoneRules parsed = ical4j(ics).<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.<DateProperty<Temporal>>getProperty("DTSTART").orElseThrow())
                .filter(p -> p.getParameter("TZID").map(id -> id.getValue().equals(zone.getId())).orElse(false))
                .map(p -> ((ZonedDateTime) p.getDate()).getZone())
                .peek(id -> assertThat(id.getId()).as("zone read from the VTIMEZONE").startsWith("ical4j-local-"))
                .findFirst().orElseThrow(() -> new AssertionError("no event in " + zone)).getRules();
        ZoneRules rules = zone.getRules();
        var instants = new ArrayList<Instant>();
        for (Instant t = from; !t.isAfter(to); t = t.plus(Duration.ofMinutes(15))) {
            instants.add(t);
        }
        for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.getInstant().isBefore(to);
             t = rules.nextTransition(t.getInstant())) {
            instants.add(t.getInstant().minusSeconds(1));
            instants.add(t.getInstant());
        }
        for (Instant instant : instants) {
            assertThat(parsed.getOffset(instant)).as("offset of %s at %s", zone, instant)
                    .isEqualTo(rules.getOffset(instant));
        }
    }

    /** The text with folded lines joined again (RFC 5545 §3.1 "unfolding"). */
    public static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }

    private static Calendar ical4j(String ics) {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new AssertionError("ical4j cannot parse: " + e.getMessage(), e);
        }
    }

    private static Instant instant(VEvent event, String property) {
        return Instant.from(event.<DateProperty<Temporal>>getProperty(property).orElseThrow().getDate());
    }

    private static void decodeStrictly(byte[] bytes, int offset, int length) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, offset, length));
        } catch (CharacterCodingException e) {
            fail("line at octet %d splits a UTF-8 character", offset);
        }
    }
}
