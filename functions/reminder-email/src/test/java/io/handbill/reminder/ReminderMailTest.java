package io.handbill.reminder;

import io.handbill.fixtures.Events;
import io.handbill.fixtures.Fixtures;
import io.handbill.fixtures.TestClock;
import io.handbill.ical.IcsAssertions;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.Venue;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import static io.handbill.fixtures.Fixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;

class ReminderMailTest {
    private static final byte[] SECRET = "unit-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final TestClock clock = new TestClock(Instant.parse("2017-09-19T18:50:00Z"));
    private final SubscriberTokens tokens = new SubscriberTokens(SECRET);
    private final ReminderMail mail = new ReminderMail(SITE, "events@example.org", tokens, clock);
    private final Subscriber ann = Subscriber.pending("Ann.Lee@Example.org", clock.instant()).confirm(clock.instant());

    @Test
    void reminder_hasEveryHeaderAndPart_withTimesInTheEventsZone() throws Exception {
        Event seed = Fixtures.seedEvent();

        ParsedMail parsed = ParsedMail.parse(mail.compose(MailJob.reminder(seed.id(), Duration.ofDays(7),
                clock.instant()), seed, ann));

        assertThat(parsed.message().getSubject())
                .isEqualTo("Reminder: Leeds DevOps: Kubernetes networking and nanoservices — Tue 26 Sep, 18:45");
        assertThat(parsed.header("Subject")).startsWith("=?UTF-8?");
        assertThat(parsed.header("From")).isEqualTo("Leeds DevOps <events@example.org>");
        assertThat(parsed.header("To")).isEqualTo("Ann.Lee@Example.org");
        assertThat(parsed.message().getSentDate()).isEqualTo(java.util.Date.from(clock.instant()));
        assertThat(parsed.header("Message-ID")).matches("<[0-9a-f]{32}@events\\.example\\.org>");
        String unsubscribe = "https://events.example.org/api/unsubscribe?token=" + tokens.unsubscribeToken(ann.key());
        assertThat(parsed.header("List-Unsubscribe")).isEqualTo("<" + unsubscribe + ">");
        assertThat(parsed.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(parsed.text()).contains("Starts in 7 days.", "Tuesday 26 September 2017, 18:45 – 23:00 BST (Europe/London)",
                "The ODI Node Leeds, Munro House, Duke Street, Leeds LS9 8AG", "19:20 – 20:05",
                "https://events.example.org/events/" + Fixtures.SEED_SLUG + "/", unsubscribe);
        assertThat(parsed.html()).contains("Tuesday 26 September 2017, 18:45 – 23:00 BST (Europe/London)",
                "href=\"https://events.example.org/events/" + Fixtures.SEED_SLUG + ".ics\"");
        assertThat(parsed.calendarType().getParameter("method")).isEqualTo("PUBLISH");
        IcsAssertions.assertWellFormed(parsed.ics());
        assertThat(parsed.event().getUid().getValue()).isEqualTo(seed.id() + "@events.example.org");
        assertThat(parsed.event().getSequence().getValue()).isEqualTo(seed.icsSequence());
    }

    @Test
    void sameJobAndSubscriber_keepTheirMessageId_otherSubscribersDoNot() throws Exception {
        Event seed = Fixtures.seedEvent();
        MailJob job = MailJob.reminder(seed.id(), Duration.ofHours(24), clock.instant());
        Subscriber bob = Subscriber.pending("bob@example.org", clock.instant()).confirm(clock.instant());

        String first = ParsedMail.parse(mail.compose(job, seed, ann)).header("Message-ID");
        clock.advance(Duration.ofMinutes(20));
        String retried = ParsedMail.parse(mail.compose(job, seed, ann)).header("Message-ID");
        String other = ParsedMail.parse(mail.compose(job, seed, bob)).header("Message-ID");

        assertThat(retried).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void organiserText_isEscapedInHtml() throws Exception {
        Event seed = Fixtures.seedEvent();
        EventDraft hostile = seed.draft().toBuilder().title("<script>alert('x')</script> & friends").build();
        Event event = seed.edit(hostile, clock.instant());

        ParsedMail parsed = ParsedMail.parse(mail.compose(MailJob.announcement(event.id(), clock.instant()), event, ann));

        assertThat(parsed.html()).doesNotContain("<script>").contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; friends");
        assertThat(parsed.message().getSubject()).isEqualTo("New event: <script>alert('x')</script> & friends — Tue 26 Sep, 18:45");
    }

    @Test
    void cancellation_saysSo_withAHigherSequenceAndCancelledStatus() throws Exception {
        Event seed = Fixtures.seedEvent();
        Announcement told = Announcement.of(seed);
        Event cancelled = seed.cancel("The venue flooded", clock.instant());

        ParsedMail parsed = ParsedMail.parse(mail.compose(MailJob.change(seed.id(), cancelled.icsSequence(), told,
                clock.instant()), cancelled, ann));

        assertThat(parsed.message().getSubject()).startsWith("Cancelled: Leeds DevOps");
        assertThat(parsed.text()).contains("Status: Going ahead → Cancelled", "Why: The venue flooded");
        assertThat(parsed.event().getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(parsed.event().getSequence().getValue()).isGreaterThan(seed.icsSequence());
        assertThat(parsed.event().getUid().getValue()).isEqualTo(seed.id() + "@events.example.org");
    }

    @Test
    void cancellation_offersNoCalendarOrTicketLinks() throws Exception {
        Event seed = Fixtures.seedEvent();
        Event cancelled = seed.cancel("The venue flooded", clock.instant());

        ParsedMail parsed = ParsedMail.parse(mail.compose(MailJob.change(seed.id(), cancelled.icsSequence(),
                Announcement.of(seed), clock.instant()), cancelled, ann));

        assertThat(parsed.text()).doesNotContain("Add to calendar", "Tickets:", ".ics");
        assertThat(parsed.html()).doesNotContain("Add to calendar", ".ics\"");
        for (var ticket : seed.tickets()) {
            assertThat(parsed.text()).doesNotContain(ticket.url());
            assertThat(parsed.html()).doesNotContain(ticket.url());
        }
    }

    @Test
    void moveToAnotherDayAndVenue_showsOldAndNew() throws Exception {
        Event seed = Fixtures.seedEvent();
        Announcement told = Announcement.of(seed);
        Venue elsewhere = new Venue("Leeds Central Library", List.of("Calverley Street"), "Leeds", "LS1 3AB",
                "United Kingdom", null, null, null, null);
        EventDraft moved = seed.draft().toBuilder().start(LocalDateTime.parse("2017-09-27T19:00:00"))
                .end(LocalDateTime.parse("2017-09-27T22:00:00")).venue(elsewhere).agenda(List.of()).build();
        Event changed = seed.edit(moved, clock.instant());

        ParsedMail parsed = ParsedMail.parse(mail.compose(MailJob.change(seed.id(), changed.icsSequence(), told,
                clock.instant()), changed, ann));

        assertThat(parsed.message().getSubject()).endsWith("— now Wed 27 Sep, 19:00");
        assertThat(parsed.text()).contains(
                "When: Tuesday 26 September 2017, 18:45 – 23:00 BST (Europe/London) → Wednesday 27 September 2017, 19:00 – 22:00 BST (Europe/London)",
                "Where: The ODI Node Leeds, Munro House, Duke Street, Leeds LS9 8AG → Leeds Central Library, Calverley Street, Leeds LS1 3AB");
        assertThat(parsed.html()).contains("<s>The ODI Node Leeds, Munro House, Duke Street, Leeds LS9 8AG</s>");
        assertThat(parsed.event().getSequence().getValue()).isGreaterThan(seed.icsSequence());
    }

    @Test
    void digest_listsEachEventByStart_withItsLinks_escaped_andTheOneClickHeaders() throws Exception {
        Event seed = Fixtures.seedEvent();
        Event later = seed.edit(seed.draft().toBuilder().title("<b>Later</b> & more")
                .summary("Talks <img src=x onerror=alert(1)>")
                .start(seed.draft().start().plusDays(30)).end(seed.draft().end().plusDays(30)).build(),
                clock.instant());
        Event other = Events.published("second", "Second evening", LocalDateTime.parse("2017-10-10T18:30:00"),
                LocalDateTime.parse("2017-10-10T21:00:00"), "Europe/London");
        var jobs = List.of(MailJob.announcement("later", clock.instant()), MailJob.announcement(seed.id(),
                clock.instant()), MailJob.announcement("second", clock.instant()));
        var mailing = new Mailing(Mailing.idFor(jobs, clock.instant()), jobs);

        byte[] raw = mail.digest(List.of(later, seed, other), ann, mailing);
        ParsedMail parsed = ParsedMail.parse(raw);

        assertThat(parsed.message().getSubject()).isEqualTo("3 new events from Leeds DevOps");
        assertThat(parsed.message().getContentType()).startsWith("multipart/alternative");
        String unsubscribe = "https://events.example.org/api/unsubscribe?token=" + tokens.unsubscribeToken(ann.key());
        assertThat(parsed.header("List-Unsubscribe")).isEqualTo("<" + unsubscribe + ">");
        assertThat(parsed.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(parsed.text()).containsSubsequence(seed.title(),
                "When: Tuesday 26 September 2017, 18:45 – 23:00 BST (Europe/London)",
                "Where: The ODI Node Leeds, Munro House, Duke Street, Leeds LS9 8AG",
                "https://events.example.org/events/" + Fixtures.SEED_SLUG + "/",
                "https://events.example.org/events/" + Fixtures.SEED_SLUG + ".ics",
                "Second evening", "Tuesday 10 October 2017, 18:30 – 21:00 BST (Europe/London)",
                "<b>Later</b> & more", "Thursday 26 October 2017, 18:45 – 23:00 BST (Europe/London)", unsubscribe);
        assertThat(parsed.html()).doesNotContain("<b>Later", "<img")
                .contains("&lt;b&gt;Later&lt;/b&gt; &amp; more", "Talks &lt;img src=x onerror=alert(1)&gt;",
                        "href=\"https://events.example.org/events/second.ics\"");
        assertThat(ParsedMail.parse(mail.digest(List.of(seed, other, later), ann, mailing)).header("Message-ID"))
                .as("the same mailing keeps its Message-ID").isEqualTo(parsed.header("Message-ID"));
    }

    @Test
    void digestOfOne_isTheAnnouncementAsBefore() throws Exception {
        Event seed = Fixtures.seedEvent();
        MailJob job = MailJob.announcement(seed.id(), clock.instant());

        ParsedMail digest = ParsedMail.parse(mail.digest(List.of(seed), ann, new Mailing(Mailing.key(job),
                List.of(job))));
        ParsedMail single = ParsedMail.parse(mail.compose(job, seed, ann));

        assertThat(digest.message().getSubject()).isEqualTo(single.message().getSubject())
                .startsWith("New event: ");
        assertThat(digest.header("Message-ID")).isEqualTo(single.header("Message-ID"));
        assertThat(digest.ics()).isNotNull();
    }

    @Test
    void windows_readLikePeopleSpeak() {
        assertThat(ReminderMail.humanise(Duration.ofDays(7))).isEqualTo("7 days");
        assertThat(ReminderMail.humanise(Duration.ofHours(24))).isEqualTo("24 hours");
        assertThat(ReminderMail.humanise(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(ReminderMail.humanise(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    }
}
