package io.handbill.ical;

import io.handbill.fixtures.Events;
import io.handbill.ical.IcsAssertions.Times;
import io.handbill.model.Event;
import io.handbill.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static io.handbill.ical.IcsAssertions.assertValid;
import static io.handbill.ical.IcsAssertions.assertWellFormed;
import static io.handbill.ical.IcsAssertions.assertZoneMatches;
import static io.handbill.ical.IcsAssertions.parse;
import static io.handbill.ical.IcsAssertions.times;
import static io.handbill.ical.IcsAssertions.timesByBiweekly;
import static io.handbill.ical.IcsAssertions.unfold;
import static org.assertj.core.api.Assertions.assertThat;

class IcsWriter_TimeZoneTest {
    private static final SiteConfig SITE = new SiteConfig("https://example.org", "Group", "hi@example.org");

    @Test
    void londonClocksGoingForward_lastSundayOfMarch() {
        // 00:30 GMT, then clocks jump 01:00 -> 02:00, so 03:00 BST is 02:00 UTC
        Times times = parseOne(event("Europe/London", "2026-03-29T00:30", "2026-03-29T03:00"));

        assertThat(times.start()).isEqualTo(Instant.parse("2026-03-29T00:30:00Z"));
        assertThat(times.end()).isEqualTo(Instant.parse("2026-03-29T02:00:00Z"));
    }

    @Test
    void londonClocksGoingBack_lastSundayOfOctober() {
        // 00:30 BST is 23:30 UTC the day before; clocks fall back 02:00 -> 01:00, so 03:00 GMT is 03:00 UTC
        Times times = parseOne(event("Europe/London", "2026-10-25T00:30", "2026-10-25T03:00"));

        assertThat(times.start()).isEqualTo(Instant.parse("2026-10-24T23:30:00Z"));
        assertThat(times.end()).isEqualTo(Instant.parse("2026-10-25T03:00:00Z"));
    }

    @Test
    void londonRepeatedHour_meansItsFirstOccurrenceAsInJavaTime() {
        // 01:30 happens twice on 25 October 2026; RFC 5545 and java.time both take the first (BST)
        Times times = parseOne(event("Europe/London", "2026-10-25T01:30", "2026-10-25T02:30"));

        assertThat(times.start()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void londonZone_isWrittenAsYearlyRulesOutlookUnderstands() {
        String ics = write(event("Europe/London", "2026-03-29T00:30", "2026-03-29T03:00"));

        assertThat(unfold(ics)).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n",
                "BEGIN:DAYLIGHT\r\nDTSTART:20250330T010000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                        + "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST\r\nEND:DAYLIGHT",
                "BEGIN:STANDARD\r\nDTSTART:20251026T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                        + "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\nEND:STANDARD");
    }

    @Test
    void parsedInstants_comeFromTheVTimeZoneNotFromAZoneDatabase() {
        // a wrong rule in our VTIMEZONE must show up in the parsed instants, or the tests above prove nothing
        String ics = write(event("Europe/London", "2026-03-29T00:30", "2026-03-29T03:00"));
        String wrongRule = ics.replace("BYMONTH=3;BYDAY=-1SU", "BYMONTH=4;BYDAY=-1SU");

        assertThat(times(wrongRule).get(0).end()).isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
    }

    @Test
    void newYorkEvent_acrossItsOwnDstChange_secondSundayOfMarch() {
        // 01:00 EST (-5) is 06:00 UTC; clocks jump 02:00 -> 03:00, so 04:00 EDT (-4) is 08:00 UTC
        Event event = event("America/New_York", "2026-03-08T01:00", "2026-03-08T04:00");

        Times times = parseOne(event);

        assertThat(times.start()).isEqualTo(Instant.parse("2026-03-08T06:00:00Z"));
        assertThat(times.end()).isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        assertThat(unfold(write(event))).contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "TZNAME:EDT", "TZNAME:EST");
    }

    @Test
    void feedWithSeveralZones_hasOneVTimeZoneEachCoveringEveryEvent() {
        List<Event> events = List.of(
                event("Europe/London", "2025-11-20T18:30", "2025-11-20T21:00"),
                event("America/New_York", "2026-07-04T12:00", "2026-07-04T15:00"),
                event("Europe/London", "2027-06-10T18:30", "2027-06-10T21:00"),
                event("Asia/Tokyo", "2026-01-15T19:00", "2026-01-15T21:00"));

        String ics = writeFeed(events);

        assertThat(parse(ics).getTimezoneInfo().getComponents()).hasSize(3);
        assertThat(ics).contains("X-WR-TIMEZONE:Europe/London\r\n");
        assertThat(times(ics)).extracting(Times::start).containsExactlyElementsOf(
                events.stream().map(Event::startsAt).toList());
        assertZoneMatches(ics, ZoneId.of("Europe/London"), Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2027-12-31T00:00:00Z"));
        assertZoneMatches(ics, ZoneId.of("America/New_York"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-12-31T00:00:00Z"));
        assertZoneMatches(ics, ZoneId.of("Asia/Tokyo"), events.get(3).startsAt(), events.get(3).endsAt());
    }

    @Test
    void zoneThatChangedItsRules_isListedTransitionByTransition() {
        // Mexico City kept DST until October 2022 and then abolished it: no yearly rule describes 2021-2023
        List<Event> events = Stream.of("2021-04-10", "2021-12-10", "2022-06-10", "2023-07-10")
                .map(day -> event("America/Mexico_City", day + "T19:00", day + "T21:00")).toList();

        String ics = writeFeed(events);

        assertThat(ics).doesNotContain("RRULE").contains("RDATE:20220403T020000\r\n");
        assertThat(timesByBiweekly(ics)).extracting(Times::start).containsExactly(
                Instant.parse("2021-04-11T00:00:00Z"), Instant.parse("2021-12-11T01:00:00Z"),
                Instant.parse("2022-06-11T00:00:00Z"), Instant.parse("2023-07-11T01:00:00Z"));
    }

    @Test
    void utc_hasOneFixedObservance() {
        String ics = write(event("UTC", "2026-02-01T10:00", "2026-02-01T12:00"));

        assertThat(unfold(ics)).contains("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\n"
                + "TZOFFSETTO:+0000\r\n");
        assertThat(timesByBiweekly(ics).get(0).start()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
    }

    private static Event event(String zone, String start, String end) {
        return Events.published("e" + Math.abs((zone + start).hashCode()), "Talk night",
                LocalDateTime.parse(start), LocalDateTime.parse(end), zone);
    }

    private static String write(Event event) {
        String ics = IcsWriter.event(SITE, event, IcsWriter.Method.PUBLISH);
        assertWellFormed(ics);
        return ics;
    }

    /** The group feed of {@code events}, checked well-formed and valid before the test looks at its zones. */
    private static String writeFeed(List<Event> events) {
        String ics = IcsWriter.calendar(SITE, events, IcsWriter.Method.PUBLISH);
        assertWellFormed(ics);
        assertValid(ics);
        return ics;
    }

    private static Times parseOne(Event event) {
        String ics = write(event);
        // ical4j turns BYDAY=2SU into a wrong java.time rule for years past those it expands, so stay near
        assertZoneMatches(ics, event.zone(), event.startsAt().minus(Duration.ofDays(150)),
                event.endsAt().plus(Duration.ofDays(150)));
        return times(ics).get(0);
    }
}
