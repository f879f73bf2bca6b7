package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.Env;
import io.handbill.http.ExpectedFailures;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpApi;
import io.handbill.http.Routes;
import io.handbill.mail.MailSender;
import io.handbill.mail.SesMailSender;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.SubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.subscriber.TokenSecret;

import java.time.Clock;
import java.util.List;

/**
 * The public subscription routes and the organisers' export, in {@link SubscriptionEndpoints}:
 * {@code POST /api/subscriptions} (form or JSON), {@code GET /api/subscriptions/confirm},
 * {@code GET|POST /api/unsubscribe} (page with a button, and RFC 8058 one-click), {@code GET /api/subscribers}
 * (CSV) and {@code GET /api/subscribers/summary} (JSON counts, organisers only).
 */
public final class SubscriptionsHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** The routes template.yaml gives this function (a deploy test compares). */
    public static final List<String> ROUTES = Routes.keys(SubscriptionEndpoints.Route.class);

    private final HttpApi<SubscriptionEndpoints.Route> http;

    public SubscriptionsHandler() {
        this(DynamoDbSubscriberStore.fromEnv(), SesMailSender.fromEnv(), SiteConfig.fromEnv(),
                Env.required("SENDER_EMAIL"), TokenSecret.fromEnv(), Env.optional("ADMIN_GROUP", "organisers"),
                Clock.systemUTC());
    }

    /** Wiring on a given store and sender: the local stack and the integration tests use this. */
    public SubscriptionsHandler(SubscriberStore store, MailSender sender, SiteConfig site, String senderEmail,
                                byte[] hmacSecret, String adminGroup, Clock clock) {
        this(new SubscriptionService(store, new SubscriberTokens(hmacSecret),
                        new ConfirmationMail(site, senderEmail, new Pages(site), clock), sender, clock),
                new SubscriberExport(store), new GroupAuthorizer(adminGroup), new Pages(site));
    }

    public SubscriptionsHandler(SubscriptionService subscriptions, SubscriberExport export,
                                GroupAuthorizer organisers, Pages pages) {
        this.http = new HttpApi<>(SubscriptionEndpoints.Route.class,
                new SubscriptionEndpoints(subscriptions, export, organisers, pages), ExpectedFailures.NONE,
                "Something went wrong on our side. Please try again.");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.handle(event);
    }
}
