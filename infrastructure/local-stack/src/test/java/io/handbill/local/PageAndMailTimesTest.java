package io.handbill.local;

import io.handbill.fixtures.Events;
import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.SiteConfig;
import io.handbill.reminder.MailJob;
import io.handbill.reminder.ReminderMail;
import io.handbill.render.PageRenderer;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberTokens;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The site and the mails about one event say its date and times in the same words: they share one formatter. */
class PageAndMailTimesTest {
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org", "Leeds DevOps",
            "organisers@example.org");
    private static final Instant BEFORE = Instant.parse("2017-09-19T18:45:00Z");
    private final PageRenderer renderer = new PageRenderer(SITE);
    private final ReminderMail mail = new ReminderMail(SITE, "events@example.org",
            new SubscriberTokens("unit-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
            Clock.fixed(BEFORE, ZoneOffset.UTC));
    private final Subscriber ann = Subscriber.pending("ann@example.org", BEFORE).confirm(BEFORE);

    @Test
    void seedEvent_pageListingAndReminderShowTheSameDayTimesAndAgenda() throws Exception {
        Event seed = Fixtures.seedEvent();
        Document page = eventPage(seed);
        MimeMessage reminder = reminder(seed);

        String listed = listedDay(seed);
        assertThat(listed).isEqualTo("Tue 26 Sep 2017");
        String subjectWhen = reminder.getSubject().substring(reminder.getSubject().lastIndexOf(" — ") + 3);
        assertThat(subjectWhen).isEqualTo("Tue 26 Sep, 18:45");
        assertThat(listed).startsWith(subjectWhen.substring(0, subjectWhen.indexOf(',')));

        String day = page.selectFirst(".facts time").text();
        String pageWhen = page.selectFirst(".facts dd").text();
        assertThat(pageWhen).isEqualTo("Tuesday 26 September 2017, 18:45 – 23:00 BST (Europe/London)");
        assertThat(text(reminder)).contains("When: " + pageWhen);

        List<String> pageSlots = page.select("table.agenda tbody td:first-child").eachText();
        assertThat(pageSlots).isNotEmpty().contains("21:00 – late");
        String agenda = text(reminder).split("\nAgenda:\n", 2)[1];
        assertThat(pageSlots).allSatisfy(slot -> assertThat(agenda).contains("  " + slot + "  "));
    }

    @Test
    void eventEndingNextDay_pageAndMailNameTheEndsDayAlike() throws Exception {
        Event late = Events.published("late-1", "Late one", LocalDateTime.parse("2017-09-26T22:00:00"),
                LocalDateTime.parse("2017-09-27T01:30:00"), "Europe/London");

        String pageWhen = eventPage(late).selectFirst(".facts dd").text();
        String mailText = text(reminder(late));

        String span = "22:00 – Wednesday 27 September 2017, 01:30";
        assertThat(pageWhen).isEqualTo("Tuesday 26 September 2017, " + span + " BST (Europe/London)");
        assertThat(mailText).contains("When: " + pageWhen);
    }

    private Document eventPage(Event event) {
        return Jsoup.parse(renderer.eventPages(event).get(0).text());
    }

    private String listedDay(Event event) {
        String index = renderer.indexPages(List.of(event), BEFORE).get(0).text();
        return Jsoup.parse(index).selectFirst(".entry-when time").text();
    }

    private MimeMessage reminder(Event event) throws Exception {
        byte[] raw = mail.compose(MailJob.reminder(event.id(), Duration.ofDays(7), BEFORE), event, ann);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    /** The plain-text alternative of the mail's readable part. */
    private static String text(MimeMessage message) throws Exception {
        Multipart mixed = (Multipart) message.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        return ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
    }
}
