package io.handbill.reminder;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.handbill.ical.IcsAssertions;
import io.handbill.testkit.SentEmail;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sent mail parsed back with Angus Mail, checking the MIME structure on the way: the readable alternative and the
 * event's calendar part, or (a digest of new events) the readable alternative alone, with no {@link #ics}.
 */
record ParsedMail(MimeMessage message, String text, String html, String ics, ContentType calendarType) {
    private static final Pattern EVENT_PAGE =
            Pattern.compile("Event page: https://events\\.example\\.org/events/([^/]+)/");

    static ParsedMail parse(byte[] raw) throws Exception {
        var message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        if (message.getContentType().startsWith("multipart/alternative")) {
            var alternative = readable((MimeMultipart) message.getContent());
            return new ParsedMail(message, (String) alternative.getBodyPart(0).getContent(),
                    (String) alternative.getBodyPart(1).getContent(), null, null);
        }
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        var mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        BodyPart readable = mixed.getBodyPart(0);
        assertThat(readable.getContentType()).startsWith("multipart/alternative");
        var alternative = readable((MimeMultipart) readable.getContent());
        BodyPart calendar = mixed.getBodyPart(1);
        var calendarType = new ContentType(calendar.getContentType());
        assertThat(calendarType.getBaseType()).isEqualTo("text/calendar");
        String ics;
        try (InputStream in = calendar.getInputStream()) {
            ics = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new ParsedMail(message, (String) alternative.getBodyPart(0).getContent(),
                (String) alternative.getBodyPart(1).getContent(), ics, calendarType);
    }

    private static MimeMultipart readable(MimeMultipart alternative) throws Exception {
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        return alternative;
    }

    /** The events the mail is about, by slug, in the order its text lists their pages (a digest lists several). */
    List<String> eventSlugs() {
        return EVENT_PAGE.matcher(text).results().map(match -> match.group(1)).toList();
    }

    /**
     * For each recipient and event ({@code "<to> <slug>"}), the Message-IDs of the mails that told them of it: exactly
     * one each means none was lost and none came twice (a repeated SES call carries the same Message-ID).
     */
    static Map<String, Set<String>> messageIdsByRecipientAndEvent(List<SentEmail> sent) throws Exception {
        Map<String, Set<String>> ids = new TreeMap<>();
        for (SentEmail email : sent) {
            ParsedMail mail = parse(email.raw());
            for (String event : mail.eventSlugs()) {
                ids.computeIfAbsent(mail.header("To") + " " + event, told -> new HashSet<>())
                        .add(mail.header("Message-ID"));
            }
        }
        return ids;
    }

    String header(String name) throws Exception {
        return message.getHeader(name, null);
    }

    VEvent event() {
        ICalendar calendar = IcsAssertions.parse(ics);
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().get(0);
    }
}
