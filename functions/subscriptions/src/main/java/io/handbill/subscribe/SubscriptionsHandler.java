package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.Env;
import io.handbill.http.ApiRequest;
import io.handbill.http.ExpectedFailures;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpApi;
import io.handbill.http.Routes;
import io.handbill.mail.MailSender;
import io.handbill.mail.SesMailSender;
import io.handbill.model.SiteConfig;
import io.handbill.rsvp.DynamoDbRsvpStore;
import io.handbill.rsvp.RsvpStore;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.EventStore;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.SubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.subscriber.TokenSecret;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The public subscription routes and the organisers' export, in {@link SubscriptionEndpoints}:
 * {@code POST /api/subscriptions} (form or JSON), {@code GET /api/subscriptions/confirm},
 * {@code GET|POST /api/unsubscribe} (page with a button, and RFC 8058 one-click), {@code GET /api/subscribers}
 * (CSV) and {@code GET /api/subscribers/summary} (JSON counts, organisers only); and the RSVP routes in
 * {@link RsvpEndpoints}, which share the signing key, the mail sender and the pages' security headers.
 */
public final class SubscriptionsHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** The routes template.yaml gives this function (a deploy test compares). */
    public static final List<String> ROUTES = Stream.concat(Routes.keys(SubscriptionEndpoints.Route.class).stream(),
            Routes.keys(RsvpEndpoints.Route.class).stream()).toList();
    private static final Set<String> RSVP_ROUTES = Set.copyOf(Routes.keys(RsvpEndpoints.Route.class));
    private static final String SERVER_ERROR = "Something went wrong on our side. Please try again.";

    private final HttpApi<SubscriptionEndpoints.Route> http;
    private final HttpApi<RsvpEndpoints.Route> rsvpHttp;

    public SubscriptionsHandler() {
        this(DynamoDbSubscriberStore.fromEnv(), DynamoDbRsvpStore.fromEnv(), DynamoDbEventStore.fromEnv(),
                SesMailSender.fromEnv(), SiteConfig.fromEnv(), Env.required("SENDER_EMAIL"), TokenSecret.fromEnv(),
                Env.optional("ADMIN_GROUP", "organisers"), Clock.systemUTC());
    }

    /** Wiring on given stores and sender: the local stack and the integration tests use this. */
    public SubscriptionsHandler(SubscriberStore store, RsvpStore rsvps, EventStore events, MailSender sender,
                                SiteConfig site, String senderEmail, byte[] hmacSecret, String adminGroup,
                                Clock clock) {
        var tokens = new SubscriberTokens(hmacSecret);
        var organisers = new GroupAuthorizer(adminGroup);
        this.http = new HttpApi<>(SubscriptionEndpoints.Route.class, new SubscriptionEndpoints(
                new SubscriptionService(store, tokens, new ConfirmationMail(site, senderEmail, new Pages(site), clock),
                        sender, clock), new SubscriberExport(store), organisers, new Pages(site)),
                ExpectedFailures.NONE, SERVER_ERROR);
        this.rsvpHttp = new HttpApi<>(RsvpEndpoints.Route.class, new RsvpEndpoints(
                new RsvpService(events, rsvps, tokens, new RsvpMail(site, senderEmail, clock), sender, clock),
                new AttendeeList(rsvps, clock), events, organisers, new RsvpPages(site)),
                ExpectedFailures.NONE, SERVER_ERROR);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return RSVP_ROUTES.contains(new ApiRequest(event).routeKey()) ? rsvpHttp.handle(event) : http.handle(event);
    }
}
