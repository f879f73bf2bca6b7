package io.handbill.local;

import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The one origin, as CloudFront makes it in AWS: {@code /api/*}, {@code /calendar.ics} and {@code /events/*.ics}
 * go to the HTTP API, everything else to the site bucket — plus the local-only {@code /admin/} form,
 * {@code /outbox/} and {@code POST /local/reminders/run}.
 */
final class FrontDoor {
    private static final Logger log = LoggerFactory.getLogger(FrontDoor.class);

    private final ApiGateway api;
    private final SiteFromBucket site;
    private final OutboxPages outbox;
    private final ReminderSweep sweep;
    private final AdminPages admin;

    FrontDoor(ApiGateway api, SiteFromBucket site, OutboxPages outbox, ReminderSweep sweep, AdminPages admin) {
        this.api = api;
        this.site = site;
        this.outbox = outbox;
        this.sweep = sweep;
        this.admin = admin;
    }

    void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (ApiRoutes.isApiPath(exchange.getRequestURI().getRawPath())) {
                api.handle(exchange);
            } else if (path.equals("/admin") || path.startsWith("/admin/")) {
                admin.handle(exchange);
            } else if (path.equals("/outbox") || path.startsWith("/outbox/")) {
                outbox.handle(exchange);
            } else if (path.equals("/local/reminders/run")) {
                runReminders(exchange);
            } else {
                site.handle(exchange);
            }
        } catch (IOException | RuntimeException e) {
            log.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                Responses.text(exchange, 500, "Internal error: see the local stack's console\n");
            } catch (IOException | RuntimeException alreadyAnswered) {
                // the response had started; the client sees a cut connection
            }
        }
    }

    private void runReminders(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "POST");
            Responses.text(exchange, 405, "POST to run the reminder sweep\n");
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
