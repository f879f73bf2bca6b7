package io.handbill.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * One message in the SES stub's outbox, read back for people: the raw MIME ({@code .eml}) of a raw send, or the
 * request of a simple-content send ({@code .json}).
 *
 * @param id          the file name without extension, e.g. {@code 000003-<message id>}
 * @param attachments file names (or content types) of attached parts, e.g. {@code invite.ics}
 */
record OutboxMessage(String id, Path file, String subject, String from, String to, Date sent, String text,
                     String html, List<String> attachments) {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final ObjectMapper JSON = new ObjectMapper();

    static OutboxMessage read(Path file) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.lastIndexOf('.'));
        try {
            byte[] bytes = Files.readAllBytes(file);
            return name.endsWith(".json") ? fromSimpleRequest(id, file, bytes) : fromMime(id, file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            return new OutboxMessage(id, file, "(unreadable MIME: " + e.getMessage() + ")", "", "", null, "", null,
                    List.of());
        }
    }

    boolean isMime() {
        return file.getFileName().toString().endsWith(".eml");
    }

    private static OutboxMessage fromMime(String id, Path file, byte[] bytes) throws MessagingException,
            IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        var parts = new Parts();
        parts.collect(message);
        return new OutboxMessage(id, file, message.getSubject(), header(message, "From"),
                String.join(", ", List.of(header(message, "To"), header(message, "Cc"), header(message, "Bcc"))
                        .stream().filter(h -> !h.isEmpty()).toList()),
                message.getSentDate(), parts.text, parts.html, List.copyOf(parts.attachments));
    }

    private static OutboxMessage fromSimpleRequest(String id, Path file, byte[] bytes) throws IOException {
        JsonNode request = JSON.readTree(bytes);
        JsonNode simple = request.path("Content").path("Simple");
        List<String> to = new ArrayList<>();
        request.path("Destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
        return new OutboxMessage(id, file, simple.path("Subject").path("Data").asText(""),
                request.path("FromEmailAddress").asText(""), String.join(", ", to),
                new Date(Files.getLastModifiedTime(file).toMillis()),
                simple.path("Body").path("Text").path("Data").asText(null),
                simple.path("Body").path("Html").path("Data").asText(null), List.of());
    }

    /** A header as written (decoded from RFC 2047), so that even a malformed address shows as it was sent. */
    private static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, ", ");
        if (value == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException e) {
            return value;
        }
    }

    /** Walks a MIME tree: the first text/plain and text/html bodies, and every attachment. */
    private static final class Parts {
        String text;
        String html;
        final List<String> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
                return;
            }
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
            if (!attached && text == null && part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            } else if (!attached && html == null && part.isMimeType("text/html")) {
                html = (String) part.getContent();
            } else {
                attachments.add(part.getFileName() != null ? part.getFileName()
                        : part.getContentType().split(";")[0]);
            }
        }
    }
}
