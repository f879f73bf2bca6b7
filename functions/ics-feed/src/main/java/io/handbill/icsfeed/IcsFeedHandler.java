package io.handbill.icsfeed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.Env;
import io.handbill.http.ExpectedFailures;
import io.handbill.http.HttpApi;
import io.handbill.http.Routes;
import io.handbill.model.SiteConfig;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.EventStore;
import org.crac.Core;
import org.crac.Resource;

import java.time.Clock;
import java.util.List;

/**
 * The public calendar routes, in {@link CalendarEndpoints}: {@code GET|HEAD /calendar.ics}, the group's feed, and
 * {@code GET|HEAD /events/{file}} with {@code file = <slug>.ics}, one event.
 */
public final class IcsFeedHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    /** The HTTP API routes this handler serves, as template.yaml declares them (a deploy test compares). */
    public static final List<String> ROUTES = Routes.keys(CalendarEndpoints.Route.class);
    /** Days of past events the feed keeps, unless {@code FEED_PAST_DAYS} says otherwise. */
    public static final int DEFAULT_PAST_DAYS = 365;
    static final String EVENTS_PREFIX = "/events/";

    private final CalendarFeeds feeds;
    private final HttpApi<CalendarEndpoints.Route> http;

    public IcsFeedHandler() {
        this(DynamoDbEventStore.fromEnv(), SiteConfig.fromEnv(), Clock.systemUTC(), pastDaysFromEnv());
        // SnapStart snapshots after init: prime then, so that restored sandboxes start warm
        Core.getGlobalContext().register(this);
    }

    /** For the local stack and tests: the feed keeps events from {@code pastDays} days before today (UTC) on. */
    public IcsFeedHandler(EventStore events, SiteConfig site, Clock clock, int pastDays) {
        this.feeds = new CalendarFeeds(events, site, clock, pastDays);
        this.http = new HttpApi<>(CalendarEndpoints.Route.class, new CalendarEndpoints(feeds), ExpectedFailures.NONE,
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

    private static int pastDaysFromEnv() {
        String value = Env.optional("FEED_PAST_DAYS", Integer.toString(DEFAULT_PAST_DAYS));
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // reported below, by name
        }
        throw new IllegalStateException("Environment variable FEED_PAST_DAYS must be a whole number of days >= 0");
    }
}
