package io.handbill.local;

import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one origin, as CloudFront makes it in AWS: {@code /api/*}, {@code /calendar.ics} and {@code /events/*.ics}
 * go to the HTTP API, everything else to the site bucket, with the {@link SecurityHeaders} CloudFront adds — plus
 * the local-only {@code /admin/} form, {@code /outbox/}, {@code POST /local/reminders/run} and the cover uploads
 * the form would PUT to S3 ({@link UploadProxy}). Only requests
 * addressed to the stack's own loopback name get in ({@link LoopbackOrigin}).
 */
record FrontDoor(ApiGateway api, SiteFromBucket site, OutboxPages outbox, ReminderSweep sweep, AdminPages admin,
                 UploadProxy uploads, LoopbackOrigin origin) {
    /** Longest path segment S3 (and most file systems under S3Proxy) can hold. */
    static final int MAX_SEGMENT_BYTES = 255;
    /** S3's longest key. */
    static final int MAX_PATH_BYTES = 1024;
    private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

    void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (IOException e) {
            // The browser went away (a closed tab, a cancelled favicon fetch): nothing to answer, nothing wrong.
            log.debug("{} {}: client disconnected ({})", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
            if (exchange.getResponseCode() == -1) {
                try {
                    Responses.problem(exchange, 500, "Internal Server Error",
                            "Something went wrong in the local stack; its console says what.");
                } catch (IOException alreadyGone) {
                    log.debug("Client disconnected before the error response");
                }
            }
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (!origin.hostAllowed(exchange)) {
            Responses.problem(exchange, 421, "Misdirected Request",
                    "This local stack answers only to localhost, 127.0.0.1 and [::1] on its own port.");
            return;
        }
        if (!origin.originAllowed(exchange)) {
            Responses.problem(exchange, 403, "Forbidden", "Only the local stack's own pages may send this request.");
            return;
        }
        if (tooLong(exchange.getRequestURI().getPath())) {
            Responses.problem(exchange, 414, "URI Too Long", "A path segment is longer than " + MAX_SEGMENT_BYTES
                    + " bytes or the path longer than " + MAX_PATH_BYTES + ".");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (ApiRoutes.isApiPath(rawPath)) {
            api.handle(exchange);
        } else if (path.equals("/admin") || path.startsWith("/admin/")) {
            add(exchange, SecurityHeaders.ADMIN);
            admin.handle(exchange);
        } else if (path.equals("/outbox") || path.startsWith("/outbox/")) {
            outbox.handle(exchange);
        } else if (path.equals("/local/reminders/run")) {
            runReminders(exchange);
        } else if (path.startsWith(UploadProxy.PATH + "/")) {
            uploads.handle(exchange);
        } else {
            add(exchange, SecurityHeaders.SITE);
            site.handle(exchange);
        }
    }

    private static boolean tooLong(String path) {
        if (utf8Length(path) > MAX_PATH_BYTES) {
            return true;
        }
        for (String segment : path.split("/")) {
            if (utf8Length(segment) > MAX_SEGMENT_BYTES) {
                return true;
            }
        }
        return false;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void add(HttpExchange exchange, Map<String, String> headers) {
        headers.forEach(exchange.getResponseHeaders()::set);
    }

    private void runReminders(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            Responses.problem(exchange, 405, "Method Not Allowed", "POST to run the reminder sweep.");
            return;
        }
        exchange.getRequestBody().readAllBytes();
        int sent = sweep.runNow();
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept != null && accept.contains("text/html")) {
            Responses.redirect(exchange, 303, "/outbox/?swept=sent+" + sent + "+email" + (sent == 1 ? "" : "s"));
        } else {
            Responses.json(exchange, 200, "{\"sent\":" + sent + "}");
        }
    }
}
