package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.http.ApiRequest;
import io.handbill.http.ExpectedFailures;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpApi;
import io.handbill.mail.MailSender;
import io.handbill.rsvp.DynamoDbRsvpStore;
import io.handbill.rsvp.RsvpStore;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.EventStore;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.SubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

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
    public static final List<String> ROUTES = Stream.concat(SubscriptionEndpoints.ROUTES.keys().stream(),
            RsvpEndpoints.ROUTES.keys().stream()).toList();
    private static final Set<String> RSVP_ROUTES = Set.copyOf(RsvpEndpoints.ROUTES.keys());
    private static final String SERVER_ERROR = "Something went wrong on our side. Please try again.";

    private final HttpApi<SubscriptionEndpoints> http;
    private final HttpApi<RsvpEndpoints> rsvpHttp;

    public SubscriptionsHandler() {
        this(SubscriptionsConfig.from(Env.processVariables()), AwsClients.dynamoDb(), AwsClients.sesV2(),
                Clock.systemUTC());
    }

    /** The function's wiring, on the given clients: the runtime and the local stack use it. */
    public SubscriptionsHandler(SubscriptionsConfig config, DynamoDbClient dynamo, SesV2Client ses, Clock clock) {
        this(config, new DynamoDbSubscriberStore(dynamo, config.eventsTable()),
                new DynamoDbRsvpStore(dynamo, config.eventsTable()),
                new DynamoDbEventStore(dynamo, config.eventsTable()),
                new DynamoDbCooldownStore(dynamo, config.eventsTable()), config.ses().sender(ses), clock);
    }

    /** The same wiring on given stores, cooldown counters and sender: tests use it. */
    public SubscriptionsHandler(SubscriptionsConfig config, SubscriberStore store, RsvpStore rsvps, EventStore events,
                                CooldownStore cooldowns, MailSender sender, Clock clock) {
        byte[] secret = config.secret().read();
        var tokens = new SubscriberTokens(secret);
        var optIn = new OptIn(tokens, new SubscribeLimits(cooldowns, secret), sender, clock);
        var organisers = new GroupAuthorizer(config.adminGroup());
        var pages = new Pages(config.site());
        this.http = new HttpApi<>(SubscriptionEndpoints.ROUTES, new SubscriptionEndpoints(
                new SubscriptionService(store, new ConfirmationMail(config.site(), config.senderEmail(), pages,
                        clock), optIn), new SubscriberExport(store), organisers, pages),
                ExpectedFailures.NONE, SERVER_ERROR);
        this.rsvpHttp = new HttpApi<>(RsvpEndpoints.ROUTES, new RsvpEndpoints(
                new RsvpService(events, rsvps, new RsvpMail(config.site(), config.senderEmail(), clock), optIn),
                new AttendeeList(rsvps, clock), events, organisers, new RsvpPages(config.site())),
                ExpectedFailures.NONE, SERVER_ERROR);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return RSVP_ROUTES.contains(new ApiRequest(event).routeKey()) ? rsvpHttp.handle(event) : http.handle(event);
    }
}
