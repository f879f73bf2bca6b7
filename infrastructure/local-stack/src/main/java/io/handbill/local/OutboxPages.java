package io.handbill.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code /outbox/}: every message the SES stub accepted, newest first, each with its text and HTML views and the
 * raw {@code .eml}; and the button that runs the reminder sweep now. The HTML view is served sandboxed (no
 * scripts, no same-origin access), as a mail client would show untrusted mail.
 */
final class OutboxPages {
    private static final Pattern MESSAGE = Pattern.compile("/outbox/([0-9]+-[0-9A-Za-z-]+)(/|/text|/html|\\.eml)");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Path outbox;

    OutboxPages(Path outbox) {
        this.outbox = outbox;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        // The outbox's own pages: no scripts at all, their one inline stylesheet, frames only of messages here.
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "img-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'");
        exchange.getResponseHeaders().set("Referrer-Policy", "same-origin");
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            Responses.problem(exchange, 405, "Method Not Allowed", "The outbox answers GET and HEAD.");
            return;
        }
        if (path.equals("/outbox") ) {
            Responses.redirect(exchange, 301, "/outbox/");
            return;
        }
        if (path.equals("/outbox/")) {
            Responses.html(exchange, 200, list(exchange.getRequestURI().getQuery()));
            return;
        }
        Matcher matcher = MESSAGE.matcher(path);
        Optional<OutboxMessage> message = matcher.matches() ? find(matcher.group(1)) : Optional.empty();
        if (message.isEmpty()) {
            Responses.problem(exchange, 404, "Not Found", "No such message in the outbox.");
            return;
        }
        OutboxMessage m = message.get();
        switch (matcher.group(2)) {
            case "/" -> Responses.html(exchange, 200, detail(m));
            case "/text" -> Responses.text(exchange, 200, m.text() == null ? "" : m.text());
            case "/html" -> sandboxedHtml(exchange, m);
            default -> {
                exchange.getResponseHeaders().set("Content-Type", m.isMime() ? "message/rfc822" : "application/json");
                exchange.getResponseHeaders().set("Content-Disposition",
                        "attachment; filename=\"" + m.file().getFileName() + "\"");
                Responses.send(exchange, 200, Files.readAllBytes(m.file()));
            }
        }
    }

    List<OutboxMessage> messages() {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(f -> f.toString().endsWith(".eml") || f.toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed())
                    .map(OutboxMessage::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<OutboxMessage> find(String id) {
        for (String extension : List.of(".eml", ".json")) {
            Path file = outbox.resolve(id + extension);
            if (Files.isRegularFile(file)) {
                return Optional.of(OutboxMessage.read(file));
            }
        }
        return Optional.empty();
    }

    private String list(String query) {
        List<OutboxMessage> messages = messages();
        StringBuilder body = new StringBuilder("<main><h1>Outbox</h1>");
        body.append("<p class=\"muted\">Every email the local SES stand-in accepted, newest first.</p>");
        if (query != null && query.startsWith("swept=")) {
            body.append("<p role=\"status\">Reminder sweep finished: ")
                    .append(Html.escape(query.substring("swept=".length()).replace('+', ' ')))
                    .append("</p>");
        }
        body.append("""
                <form method="post" action="/local/reminders/run">
                <button type="submit">Run the reminder sweep now</button>
                <span class="muted">(it also runs every 15 minutes)</span>
                </form>
                """);
        if (messages.isEmpty()) {
            body.append("<p>No emails yet.</p>");
        } else {
            body.append("<table><thead><tr><th scope=\"col\">Sent</th><th scope=\"col\">To</th>")
                    .append("<th scope=\"col\">Subject</th><th scope=\"col\">Views</th></tr></thead><tbody>");
            for (OutboxMessage m : messages) {
                String base = "/outbox/" + Html.escape(m.id());
                body.append("<tr><td>").append(m.sent() == null ? "" : WHEN.format(m.sent().toInstant()))
                        .append("</td><td>").append(Html.escape(m.to()))
                        .append("</td><td><a href=\"").append(base).append("/\">")
                        .append(Html.escape(m.subject() == null || m.subject().isBlank() ? "(no subject)"
                                : m.subject()))
                        .append("</a></td><td><a href=\"").append(base).append("/text\">text</a>");
                if (m.html() != null) {
                    body.append(" · <a href=\"").append(base).append("/html\">HTML</a>");
                }
                body.append(" · <a href=\"").append(base).append(m.isMime() ? ".eml\">.eml" : ".eml\">request")
                        .append("</a></td></tr>");
            }
            body.append("</tbody></table>");
        }
        return Html.page("Outbox", body.append("</main>").toString());
    }

    private static String detail(OutboxMessage m) {
        String base = "/outbox/" + Html.escape(m.id());
        StringBuilder body = new StringBuilder("<main><p><a href=\"/outbox/\">← Outbox</a></p>");
        body.append("<h1>").append(Html.escape(m.subject())).append("</h1><dl>")
                .append("<dt>From</dt><dd>").append(Html.escape(m.from())).append("</dd>")
                .append("<dt>To</dt><dd>").append(Html.escape(m.to())).append("</dd>");
        if (m.sent() != null) {
            body.append("<dt>Sent</dt><dd>").append(WHEN.format(m.sent().toInstant())).append("</dd>");
        }
        if (!m.attachments().isEmpty()) {
            body.append("<dt>Attachments</dt><dd>").append(Html.escape(String.join(", ", m.attachments())))
                    .append("</dd>");
        }
        body.append("</dl><p><a href=\"").append(base).append(".eml\">Raw message</a></p>");
        body.append("<h2>Text</h2><pre id=\"text\">").append(Html.linkified(m.text())).append("</pre>");
        if (m.html() != null) {
            body.append("<h2>HTML</h2><p><a href=\"").append(base).append("/html\">Open the HTML view</a></p>")
                    .append("<iframe title=\"HTML view of the message\" sandbox=\"allow-popups allow-top-navigation-by-user-activation\" src=\"")
                    .append(base).append("/html\"></iframe>");
        }
        return Html.page(m.subject() == null ? "Message" : m.subject(), body.append("</main>").toString());
    }

    private static void sandboxedHtml(HttpExchange exchange, OutboxMessage m) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "sandbox allow-popups allow-top-navigation-by-user-activation; default-src 'none'; "
                        + "img-src data: http: https:; style-src 'unsafe-inline'");
        Responses.html(exchange, 200, m.html() == null ? "" : m.html());
    }
}
