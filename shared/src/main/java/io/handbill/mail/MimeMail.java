package io.handbill.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Builds raw RFC 5322 messages with Angus Mail (no transport: SES sends the bytes). Header values go through
 * Angus, so non-ASCII subjects and display names are RFC 2047 encoded and nothing typed by a person can start a
 * new header line.
 */
public final class MimeMail {
    private static final Session SESSION = Session.getInstance(new Properties());

    private final MimeMessage message;

    private MimeMail(MimeMessage message) {
        this.message = message;
    }

    /**
     * A message with its envelope headers set.
     *
     * @param messageId the whole Message-ID value including angle brackets; a retried send of the same logical
     *                  message reuses it, so mail clients can fold a rare duplicate into one
     */
    public static MimeMail create(InternetAddress from, String to, String subject, Instant date, String messageId) {
        try {
            MimeMessage message = new FixedIdMessage(messageId);
            message.setFrom(from);
            message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(date));
            return new MimeMail(message);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot build message headers", e);
        }
    }

    /** A display-name address, e.g. {@code "Leeds DevOps" <events@example.org>}. */
    public static InternetAddress address(String email, String displayName) {
        try {
            return new InternetAddress(email, displayName, "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MimeMail header(String name, String value) {
        try {
            message.setHeader(name, value);
            return this;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot set header " + name, e);
        }
    }

    public MimeMail body(MimeMultipart content) {
        try {
            message.setContent(content);
            return this;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("Cannot set body", e);
        }
    }

    /** multipart/alternative of a plain-text and an HTML rendering, both UTF-8. */
    public static MimeMultipart alternative(String text, String html) {
        try {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(textPart(text, "plain"));
            alternative.addBodyPart(textPart(html, "html"));
            return alternative;
        } catch (MessagingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** multipart/mixed of the readable alternative and a {@code text/calendar; method=...} part. */
    public static MimeMultipart withCalendar(MimeMultipart alternative, String ics, String method, String fileName) {
        try {
            MimeBodyPart readable = new MimeBodyPart();
            readable.setContent(alternative);
            MimeBodyPart calendar = new MimeBodyPart();
            // bytes, not a String: Angus has no text/calendar handler and would write a String in the JVM's charset
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + method)));
            calendar.setFileName(fileName);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(readable);
            mixed.addBodyPart(calendar);
            return mixed;
        } catch (MessagingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public byte[] toBytes() {
        try {
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot write message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MimeBodyPart textPart(String content, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }

    /** Angus would replace Message-ID with a random one on save; ours is derived from what is being sent. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(String messageId) {
            super(SESSION);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
