package io.handbill.icsfeed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.http.ExpectedFailures;
import io.handbill.http.HttpApi;
import io.handbill.model.SiteConfig;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.EventStore;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/**
 * The public calendar routes, in {@link CalendarEndpoints}: {@code GET|HEAD /calendar.ics}, the group's feed, and
 * {@code GET|HEAD /events/{file}} with {@code file = <slug>.ics}, one event.
 */
public final class IcsFeedHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    /** The HTTP API routes this handler serves, as template.yaml declares them (a deploy test compares). */
    public static final List<String> ROUTES = CalendarEndpoints.ROUTES.keys();

    private final CalendarFeeds feeds;
    private final HttpApi<CalendarEndpoints> http;

    public IcsFeedHandler() {
        this(IcsFeedConfig.from(Env.processVariables()), AwsClients.dynamoDb(), Clock.systemUTC());
        // SnapStart snapshots after init: prime then, so that restored sandboxes start warm
        Core.getGlobalContext().register(this);
    }

    /** The function's wiring, on the given client: the runtime and the local stack use it. */
    public IcsFeedHandler(IcsFeedConfig config, DynamoDbClient dynamo, Clock clock) {
        this(new DynamoDbEventStore(dynamo, config.eventsTable()), config.site(), clock, config.pastDays());
    }

    /** For tests: the feed keeps events from {@code pastDays} days before today (UTC) on. */
    public IcsFeedHandler(EventStore events, SiteConfig site, Clock clock, int pastDays) {
        this.feeds = new CalendarFeeds(events, site, clock, pastDays);
        this.http = new HttpApi<>(CalendarEndpoints.ROUTES, new CalendarEndpoints(feeds), ExpectedFailures.NONE,
                "The calendar is unavailable just now. Please try again later.");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return http.handle(event);
    }

    /** Warms the DynamoDB client, Jackson and the calendar writer before a SnapStart snapshot, changing nothing. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.run(this, feeds);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to reconnect: the url-connection client opens connections as needed
    }
}
