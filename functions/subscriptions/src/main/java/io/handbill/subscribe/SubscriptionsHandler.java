package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.http.ExpectedFailures;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpApi;
import io.handbill.mail.MailSender;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.SubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

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
    public static final List<String> ROUTES = SubscriptionEndpoints.ROUTES.keys();

    private final HttpApi<SubscriptionEndpoints> http;

    public SubscriptionsHandler() {
        this(SubscriptionsConfig.from(Env.processVariables()), AwsClients.dynamoDb(), AwsClients.sesV2(),
                Clock.systemUTC());
    }

    /** The function's wiring, on the given clients: the runtime and the local stack use it. */
    public SubscriptionsHandler(SubscriptionsConfig config, DynamoDbClient dynamo, SesV2Client ses, Clock clock) {
        this(config, new DynamoDbSubscriberStore(dynamo, config.eventsTable()),
                new DynamoDbCooldownStore(dynamo, config.eventsTable()), config.ses().sender(ses), clock);
    }

    /** The same wiring on a given store, cooldown counters and sender: tests use it. */
    public SubscriptionsHandler(SubscriptionsConfig config, SubscriberStore store, CooldownStore cooldowns,
                                MailSender sender, Clock clock) {
        this(new SubscriptionService(store, new SubscriberTokens(config.secret().read()),
                        new ConfirmationMail(config.site(), config.senderEmail(), new Pages(config.site()), clock),
                        sender, new SubscribeLimits(cooldowns, config.secret().read()), clock),
                new SubscriberExport(store), new GroupAuthorizer(config.adminGroup()), new Pages(config.site()));
    }

    public SubscriptionsHandler(SubscriptionService subscriptions, SubscriberExport export,
                                GroupAuthorizer organisers, Pages pages) {
        this.http = new HttpApi<>(SubscriptionEndpoints.ROUTES,
                new SubscriptionEndpoints(subscriptions, export, organisers, pages), ExpectedFailures.NONE,
                "Something went wrong on our side. Please try again.");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.handle(event);
    }
}
