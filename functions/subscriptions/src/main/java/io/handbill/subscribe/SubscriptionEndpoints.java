package io.handbill.subscribe;

import io.handbill.http.ApiRequest;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpResponse;
import io.handbill.http.JsonRequestBody;
import io.handbill.http.Problem;
import io.handbill.http.ProblemException;
import io.handbill.http.Routes;
import io.handbill.mail.MailThrottledException;
import io.handbill.subscriber.EmailAddresses;
import io.handbill.subscriber.InvalidTokenException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The readers' routes (subscribe by form or JSON, confirm, unsubscribe page and RFC 8058 one-click) and the
 * organisers' export. A browser gets a page; anything else, and every malformed request, gets JSON or problem+json.
 */
final class SubscriptionEndpoints {
    private static final int MAX_FORM_BYTES = 4096;
    private static final String FORM = "application/x-www-form-urlencoded";

    /** The routes template.yaml gives the subscriptions function. */
    static final Routes<SubscriptionEndpoints> ROUTES = Routes.<SubscriptionEndpoints>builder()
            .on("POST /api/subscriptions", SubscriptionEndpoints::subscribe)
            .on("GET /api/subscriptions/confirm", SubscriptionEndpoints::confirm)
            .on("GET /api/unsubscribe", SubscriptionEndpoints::unsubscribePage)
            .on("POST /api/unsubscribe", SubscriptionEndpoints::unsubscribe)
            .on("GET /api/subscribers", SubscriptionEndpoints::export)
            .on("GET /api/subscribers/summary", SubscriptionEndpoints::summary)
            .build();

    /** The JSON body of a subscribe request. */
    record SubscribeRequest(String email) {
    }

    private final SubscriptionService subscriptions;
    private final SubscriberExport export;
    private final GroupAuthorizer organisers;
    private final Pages pages;

    SubscriptionEndpoints(SubscriptionService subscriptions, SubscriberExport export, GroupAuthorizer organisers,
                          Pages pages) {
        this.subscriptions = subscriptions;
        this.export = export;
        this.organisers = organisers;
        this.pages = pages;
    }

    private HttpResponse export(ApiRequest request) {
        organisers.authorize(request);
        return HttpResponse.csv(export.csv(), "subscribers.csv");
    }

    private HttpResponse summary(ApiRequest request) {
        organisers.authorize(request);
        return HttpResponse.json(200, export.summary());
    }

    private HttpResponse subscribe(ApiRequest request) {
        boolean form = mediaType(request).equals(FORM);
        String email = form ? formField(request, "email")
                : JsonRequestBody.read(request, SubscribeRequest.class, MAX_FORM_BYTES).email();
        boolean wantsHtml = form && request.header("Accept").map(a -> a.contains("text/html")).orElse(false);
        if (!EmailAddresses.isValid(email)) {
            if (wantsHtml) {
                return page(400, pages.invalidAddress());
            }
            String code = email == null || email.isBlank() ? "required" : "invalid";
            throw new ProblemException(Problem.invalid("email", code,
                    "Enter an email address like name@example.org."));
        }
        try {
            subscriptions.subscribe(email, request.sourceIp());
        } catch (TooManyRequestsException e) {
            throw new ProblemException(Problem.of(429, "Too many subscribe requests from your network. "
                    + "Please try again later."), Map.of("Retry-After", Long.toString(e.retryAfter().toSeconds())));
        } catch (MailThrottledException e) {
            throw new ProblemException(Problem.of(503, "We could not send the confirmation mail just now. "
                    + "Please try again in a minute."), Map.of("Retry-After", "60"));
        }
        // the same answer whether or not the address was known, so the form tells nobody who subscribes
        return wantsHtml ? page(200, pages.checkInbox())
                : HttpResponse.json(202, Map.of("status", "pending",
                "message", "If the address can receive mail, a confirmation link is on its way."));
    }

    private HttpResponse confirm(ApiRequest request) {
        try {
            return page(200, switch (subscriptions.confirm(request.query("token").orElse(null))) {
                case CONFIRMED -> pages.confirmed();
                case ALREADY_CONFIRMED -> pages.alreadyConfirmed();
                case NO_LONGER_PENDING -> pages.noLongerPending();
            });
        } catch (InvalidTokenException e) {
            return page(e.expired() ? 410 : 400, pages.invalidLink(e.expired()));
        }
    }

    private HttpResponse unsubscribePage(ApiRequest request) {
        String token = request.query("token").orElse(null);
        try {
            subscriptions.checkUnsubscribeToken(token);
            return page(200, pages.unsubscribeForm(token));
        } catch (InvalidTokenException e) {
            return page(400, pages.invalidLink(false));
        }
    }

    /**
     * RFC 8058: the body must be the form {@code List-Unsubscribe=One-Click}; our page's button posts the same.
     * Any other media type is refused before the body is read, so a JSON client gets problem+json, not a page.
     */
    private HttpResponse unsubscribe(ApiRequest request) {
        if (!mediaType(request).equals(FORM)) {
            throw new ProblemException(Problem.of(415, "Post the form as " + FORM + "."), Map.of("Accept-Post", FORM));
        }
        if (!"One-Click".equals(formField(request, "List-Unsubscribe"))) {
            throw new ProblemException(Problem.invalid("List-Unsubscribe", "required",
                    "Post List-Unsubscribe=One-Click to unsubscribe."));
        }
        try {
            subscriptions.unsubscribe(request.query("token").orElse(null));
            return page(200, pages.unsubscribed());
        } catch (InvalidTokenException e) {
            return page(400, pages.invalidLink(false));
        }
    }

    private static HttpResponse page(int status, String html) {
        return HttpResponse.html(status, html, Pages.POLICY);
    }

    private static String mediaType(ApiRequest request) {
        return request.header("Content-Type").map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    private static String formField(ApiRequest request, String name) {
        byte[] body = request.body();
        if (body.length > MAX_FORM_BYTES) {
            throw new ProblemException(Problem.of(413, "The form is larger than 4 KB."));
        }
        try {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Problem.invalid("body", "malformed_form", "The form data is not valid."));
        }
        return null;
    }
}
