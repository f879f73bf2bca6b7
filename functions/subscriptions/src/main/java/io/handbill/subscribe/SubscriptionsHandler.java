package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.Env;
import io.handbill.http.ApiRequest;
import io.handbill.http.ApiResponses;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.JsonRequestBody;
import io.handbill.http.Problem;
import io.handbill.http.ProblemException;
import io.handbill.mail.MailSender;
import io.handbill.mail.MailThrottledException;
import io.handbill.mail.SesMailSender;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.EmailAddresses;
import io.handbill.subscriber.InvalidTokenException;
import io.handbill.subscriber.SubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.subscriber.TokenSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The public subscription routes and the organisers' export:
 * {@code POST /api/subscriptions} (form or JSON), {@code GET /api/subscriptions/confirm},
 * {@code GET|POST /api/unsubscribe} (page with a button, and RFC 8058 one-click), {@code GET /api/subscribers}
 * (CSV) and {@code GET /api/subscribers/summary} (JSON counts, organisers only).
 */
public final class SubscriptionsHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final int MAX_FORM_BYTES = 4096;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Logger log = LoggerFactory.getLogger(SubscriptionsHandler.class);

    /** The JSON body of a subscribe request. */
    record SubscribeRequest(String email) {
    }

    private final SubscriptionService subscriptions;
    private final SubscriberExport export;
    private final GroupAuthorizer organisers;
    private final Pages pages;

    public SubscriptionsHandler() {
        this(DynamoDbSubscriberStore.fromEnv(), DynamoDbCooldownStore.fromEnv(), SesMailSender.fromEnv(),
                SiteConfig.fromEnv(),
                Env.required("SENDER_EMAIL"), TokenSecret.fromEnv(), Env.optional("ADMIN_GROUP", "organisers"),
                Clock.systemUTC());
    }

    /** Wiring on a given store and sender: the local stack and the integration tests use this. */
    public SubscriptionsHandler(SubscriberStore store, CooldownStore cooldowns, MailSender sender, SiteConfig site,
                                String senderEmail, byte[] hmacSecret, String adminGroup, Clock clock) {
        this(new SubscriptionService(store, new SubscriberTokens(hmacSecret),
                        new ConfirmationMail(site, senderEmail, new Pages(site), clock), sender,
                        new SubscribeLimits(cooldowns, hmacSecret), clock),
                new SubscriberExport(store), new GroupAuthorizer(adminGroup), new Pages(site));
    }

    public SubscriptionsHandler(SubscriptionService subscriptions, SubscriberExport export,
                                GroupAuthorizer organisers, Pages pages) {
        this.subscriptions = subscriptions;
        this.export = export;
        this.organisers = organisers;
        this.pages = pages;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        var request = new ApiRequest(event);
        try {
            return route(request, sourceIp(event));
        } catch (ProblemException e) {
            return ApiResponses.problem(e);
        } catch (RuntimeException e) {
            log.error("Request {} failed", request.requestId(), e);
            return ApiResponses.problem(Problem.of(500, "Something went wrong on our side. Please try again."));
        }
    }

    private APIGatewayV2HTTPResponse route(ApiRequest request, String sourceIp) {
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "POST /api/subscriptions" -> subscribe(request, sourceIp);
            case "GET /api/subscriptions/confirm" -> confirm(request);
            case "GET /api/unsubscribe" -> unsubscribePage(request);
            case "POST /api/unsubscribe" -> unsubscribe(request);
            case "GET /api/subscribers" -> {
                organisers.authorize(request);
                yield text(200, "text/csv; charset=utf-8", export.csv(),
                        Map.of("Content-Disposition", "attachment; filename=\"subscribers.csv\""));
            }
            case "GET /api/subscribers/summary" -> {
                organisers.authorize(request);
                yield ApiResponses.json(200, export.summary());
            }
            default -> ApiResponses.problem(Problem.of(404, "There is nothing here."));
        };
    }

    private APIGatewayV2HTTPResponse subscribe(ApiRequest request, String sourceIp) {
        boolean form = mediaType(request).equals(FORM);
        String email = form ? formField(request, "email")
                : JsonRequestBody.read(request, SubscribeRequest.class, MAX_FORM_BYTES).email();
        boolean wantsHtml = form && request.header("Accept").map(a -> a.contains("text/html")).orElse(false);
        if (!EmailAddresses.isValid(email)) {
            if (wantsHtml) {
                return text(400, "text/html; charset=utf-8", pages.invalidAddress(), Map.of());
            }
            String code = email == null || email.isBlank() ? "required" : "invalid";
            throw new ProblemException(Problem.invalid("email", code,
                    "Enter an email address like name@example.org."));
        }
        try {
            subscriptions.subscribe(email, sourceIp);
        } catch (TooManyRequestsException e) {
            throw new ProblemException(Problem.of(429, "Too many subscribe requests from your network. "
                    + "Please try again later."), Map.of("Retry-After", Long.toString(e.retryAfter().toSeconds())));
        } catch (MailThrottledException e) {
            throw new ProblemException(Problem.of(503, "We could not send the confirmation mail just now. "
                    + "Please try again in a minute."), Map.of("Retry-After", "60"));
        }
        // the same answer whether or not the address was known, so the form tells nobody who subscribes
        return wantsHtml ? text(200, "text/html; charset=utf-8", pages.checkInbox(), Map.of())
                : ApiResponses.json(202, Map.of("status", "pending",
                "message", "If the address can receive mail, a confirmation link is on its way."));
    }

    private APIGatewayV2HTTPResponse confirm(ApiRequest request) {
        try {
            return html(200, switch (subscriptions.confirm(request.query("token").orElse(null))) {
                case CONFIRMED -> pages.confirmed();
                case ALREADY_CONFIRMED -> pages.alreadyConfirmed();
                case NO_LONGER_PENDING -> pages.noLongerPending();
            });
        } catch (InvalidTokenException e) {
            return html(e.expired() ? 410 : 400, pages.invalidLink(e.expired()));
        }
    }

    private APIGatewayV2HTTPResponse unsubscribePage(ApiRequest request) {
        String token = request.query("token").orElse(null);
        try {
            subscriptions.checkUnsubscribeToken(token);
            return html(200, pages.unsubscribeForm(token));
        } catch (InvalidTokenException e) {
            return html(400, pages.invalidLink(false));
        }
    }

    /** RFC 8058: the body must say {@code List-Unsubscribe=One-Click}; our page's button posts the same. */
    private APIGatewayV2HTTPResponse unsubscribe(ApiRequest request) {
        if (!"One-Click".equals(formField(request, "List-Unsubscribe"))) {
            throw new ProblemException(Problem.invalid("List-Unsubscribe", "required",
                    "Post List-Unsubscribe=One-Click to unsubscribe."));
        }
        try {
            subscriptions.unsubscribe(request.query("token").orElse(null));
            return html(200, pages.unsubscribed());
        } catch (InvalidTokenException e) {
            return html(400, pages.invalidLink(false));
        }
    }

    private static String sourceIp(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? null : context.getHttp().getSourceIp();
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

    private static APIGatewayV2HTTPResponse html(int status, String body) {
        return text(status, "text/html; charset=utf-8", body, Map.of());
    }

    private static APIGatewayV2HTTPResponse text(int status, String contentType, String body,
                                                 Map<String, String> extra) {
        var headers = new HashMap<String, String>(extra);
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false).build();
    }
}
