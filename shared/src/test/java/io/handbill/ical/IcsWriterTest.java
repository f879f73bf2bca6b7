package io.handbill.ical;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static io.handbill.ical.IcsAssertions.assertValid;
import static io.handbill.ical.IcsAssertions.assertWellFormed;
import static io.handbill.ical.IcsAssertions.parse;
import static io.handbill.ical.IcsAssertions.times;
import static io.handbill.ical.IcsAssertions.unfold;
import static org.assertj.core.api.Assertions.assertThat;

class IcsWriterTest {
    private static final SiteConfig SITE = new SiteConfig("https://events.leedsdevops.org.uk", "Leeds DevOps",
            "organisers@leedsdevops.org.uk");

    @Test
    void seedEvent_startsAt1745UtcWhenParsedBack() {
        String ics = IcsWriter.event(SITE, Fixtures.seedEvent(), IcsWriter.Method.PUBLISH);

        assertWellFormed(ics);
        IcsAssertions.Times times = times(ics).get(0);
        assertThat(times.start()).isEqualTo(Instant.parse("2017-09-26T17:45:00Z"));
        assertThat(times.end()).isEqualTo(Instant.parse("2017-09-26T22:00:00Z"));
        assertThat(unfold(ics)).contains("DTSTART;TZID=Europe/London:20170926T184500\r\n");
    }

    @Test
    void calendar_declaresFeedProperties() {
        String ics = IcsWriter.calendar(SITE, List.of(Fixtures.seedEvent()), IcsWriter.Method.PUBLISH);

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n")
                .contains("\r\nCALSCALE:GREGORIAN\r\n", "\r\nMETHOD:PUBLISH\r\n", "\r\nX-WR-CALNAME:Leeds DevOps\r\n",
                        "\r\nX-WR-TIMEZONE:Europe/London\r\n", "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n",
                        "\r\nX-PUBLISHED-TTL:PT1H\r\n");
        ICalendar calendar = parse(ics);
        assertThat(calendar.getRefreshInterval().getValue().toMillis()).isEqualTo(Duration.ofHours(1).toMillis());
        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
    }

    @Test
    void seedEvent_carriesEveryEventProperty() {
        Event seed = Fixtures.seedEvent();

        ICalendar calendar = parse(IcsWriter.event(SITE, seed, IcsWriter.Method.PUBLISH));

        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getUid().getValue()).isEqualTo("seed-2017-09-26@events.leedsdevops.org.uk");
        assertThat(event.getSummary().getValue()).isEqualTo(seed.title());
        assertThat(event.getLocation().getValue())
                .isEqualTo("The ODI Node Leeds, Munro House, Duke Street, Leeds, LS9 8AG, United Kingdom");
        assertThat(event.getGeo().getLatitude()).isEqualTo(53.7965);
        assertThat(event.getGeo().getLongitude()).isEqualTo(-1.5331);
        assertThat(event.getUrl().getValue()).isEqualTo(SITE.eventUrl(Fixtures.SEED_SLUG));
        assertThat(event.getOrganizer().getEmail()).isEqualTo("organisers@leedsdevops.org.uk");
        assertThat(event.getOrganizer().getCommonName()).isEqualTo("Leeds DevOps");
        assertThat(event.getCategories().get(0).getValues())
                .containsExactly("leeds", "devops", "kubernetes", "nanoservices");
        assertThat(event.getSequence().getValue()).isEqualTo(seed.icsSequence());
        assertThat(event.getStatus().isConfirmed()).isTrue();
        assertThat(event.getDateTimeStamp().getValue().toInstant()).isEqualTo(seed.updatedAt());
        assertThat(event.getLastModified().getValue().toInstant()).isEqualTo(seed.updatedAt());
        assertThat(event.getCreated().getValue().toInstant()).isEqualTo(seed.createdAt());
    }

    @Test
    void description_listsAgendaAndTalksAsPlainText() {
        ICalendar calendar = parse(IcsWriter.event(SITE, Fixtures.seedEvent(), IcsWriter.Method.PUBLISH));

        String description = calendar.getEvents().get(0).getDescription().getValue();
        assertThat(description)
                .startsWith("After our summer break")
                .contains("Agenda\n18:45–19:15  Doors open, have a chat, make some new devops friends\n")
                .contains("19:20–20:05  Introduction to Kubernetes Pod and Service Networking (Bryan Boreham)\n")
                .contains("21:00–late  Decamp to the Wardrobe")
                .contains("Talks\n\nIntroduction to Kubernetes Pod and Service Networking\n"
                        + "Bryan Boreham (Director of Engineering, Weaveworks)\nKubernetes has two simple")
                .contains("Tickets: Eventbrite (free) https://leedsdevops-sept-17.eventbrite.co.uk")
                .contains("Code of conduct: https://tmblr.co/ZdJfSq2PpSK99")
                .endsWith("Details and updates: " + SITE.eventUrl(Fixtures.SEED_SLUG));
    }

    @Test
    void cancelledEvent_isCancelledWithReasonAndRaisedSequence() {
        Event cancelled = Events.cancelled("c1", "Winter social", LocalDateTime.parse("2026-12-10T19:00"),
                LocalDateTime.parse("2026-12-10T22:00"), "Europe/London", "Venue flooded");

        VEvent event = parse(IcsWriter.event(SITE, cancelled, IcsWriter.Method.PUBLISH)).getEvents().get(0);

        assertThat(event.getStatus().getValue()).isEqualTo(Status.cancelled().getValue());
        assertThat(event.getSummary().getValue()).isEqualTo("Cancelled: Winter social");
        assertThat(event.getDescription().getValue()).startsWith("This event is cancelled: Venue flooded\n\n");
        assertThat(event.getSequence().getValue()).isEqualTo(1);
    }

    @Test
    void punctuationAndUnicodeInText_roundTripExactly() {
        String title = "Ünïcödé; commas, \"quotes\", back\\slash & 日本語 🎉";
        Event event = Events.published("u1", title, LocalDateTime.parse("2026-05-05T18:00"),
                LocalDateTime.parse("2026-05-05T21:00"), "Europe/London");

        String ics = IcsWriter.event(SITE, event, IcsWriter.Method.PUBLISH);

        assertWellFormed(ics);
        assertThat(unfold(ics)).contains("SUMMARY:Ünïcödé\\; commas\\, \"quotes\"\\, back\\\\slash & 日本語 🎉\r\n");
        assertThat(parse(ics).getEvents().get(0).getSummary().getValue()).isEqualTo(title);
    }

    @Test
    void twoHundredCharacterTitle_isFoldedAndReadsBackWhole() {
        String title = ("Kubernetes, networking; and nanoservices — ünïcode everywhere ").repeat(4).substring(0, 200);

        String ics = IcsWriter.event(SITE, Events.published("t1", title, LocalDateTime.parse("2026-06-02T18:30"),
                LocalDateTime.parse("2026-06-02T21:00"), "Europe/London"), IcsWriter.Method.PUBLISH);

        assertWellFormed(ics);
        String summaryLines = ics.substring(ics.indexOf("SUMMARY:"), ics.indexOf("\r\nDTSTART;"));
        assertThat(summaryLines.split("\r\n ")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(parse(ics).getEvents().get(0).getSummary().getValue()).isEqualTo(title).hasSize(200);
    }

    @Test
    void organiserName_isQuotedSoPunctuationCannotBreakTheParameter() {
        var site = new SiteConfig("https://example.org", "Ops; \"Dev\", Leeds: North", "hello@example.org");

        String ics = IcsWriter.event(site, Fixtures.seedEvent(), IcsWriter.Method.PUBLISH);

        assertThat(unfold(ics)).contains("ORGANIZER;CN=\"Ops; ^'Dev^', Leeds: North\":mailto:hello@example.org");
        assertThat(parse(ics).getEvents().get(0).getOrganizer().getCommonName())
                .isEqualTo("Ops; \"Dev\", Leeds: North");
    }

    @Test
    void feed_passesRfc5545Validation() {
        Event cancelled = Events.cancelled("c1", "Winter social", LocalDateTime.parse("2026-12-10T19:00"),
                LocalDateTime.parse("2026-12-10T22:00"), "America/New_York", "Venue flooded");

        assertValid(IcsWriter.calendar(SITE, List.of(Fixtures.seedEvent(), cancelled), IcsWriter.Method.PUBLISH));
    }

    @Test
    void emptyFeed_isStillAValidCalendar() {
        String ics = IcsWriter.calendar(SITE, List.of(), IcsWriter.Method.PUBLISH);

        assertWellFormed(ics);
        assertValid(ics);
        assertThat(parse(ics).getEvents()).isEmpty();
        assertThat(ics).contains("BEGIN:VTIMEZONE\r\nTZID:UTC\r\n");
    }

    @Test
    void sameEvent_alwaysGivesTheSameBytes() {
        assertThat(IcsWriter.event(SITE, Fixtures.seedEvent(), IcsWriter.Method.PUBLISH))
                .isEqualTo(IcsWriter.event(SITE, Fixtures.seedEvent(), IcsWriter.Method.PUBLISH));
    }

    @Test
    void cancelMethod_isDeclared() {
        String ics = IcsWriter.event(SITE, Fixtures.seedEvent(), IcsWriter.Method.CANCEL);

        assertThat(parse(ics).getMethod().getValue()).isEqualTo("CANCEL");
    }

    @Test
    void invitation_namesOrganizerAndAttendee_carriesTheirSequence_andACancelKeepsTheUid() {
        var event = Fixtures.seedEvent();
        var ann = new IcsWriter.Attendee("ann@example.org", "Ann \"A\"; Lee", "ACCEPTED", event.icsSequence() + 2);
        Event cancelled = event.cancel("Flooded", event.updatedAt());

        String folded = IcsWriter.invitation(SITE, event, IcsWriter.Method.REQUEST, ann);
        String request = unfold(folded);
        String cancel = unfold(IcsWriter.invitation(SITE, cancelled, IcsWriter.Method.CANCEL,
                new IcsWriter.Attendee(ann.email(), ann.name(), "ACCEPTED", ann.sequence() + 1)));

        assertWellFormed(folded);
        assertThat(request).contains("\r\nMETHOD:REQUEST\r\n", "\r\nSTATUS:CONFIRMED\r\n",
                "\r\nSEQUENCE:" + (event.icsSequence() + 2) + "\r\n",
                "\r\nORGANIZER;CN=\"Leeds DevOps\":mailto:",
                "\r\nATTENDEE;CN=\"Ann ^'A^'; Lee\";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:ann@example.org\r\n");
        assertThat(cancel).contains("\r\nMETHOD:CANCEL\r\n", "\r\nSTATUS:CANCELLED\r\n",
                "\r\nUID:" + event.id() + "@", "\r\nSEQUENCE:" + (event.icsSequence() + 3) + "\r\n");
    }
}
