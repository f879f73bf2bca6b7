package io.handbill.icsfeed;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.http.ApiRequest;
import io.handbill.model.Event;
import io.handbill.model.SiteConfig;
import io.handbill.model.Slugs;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.EventStore;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public calendar routes: {@code GET|HEAD /calendar.ics}, the group's feed, and {@code GET|HEAD /events/{file}}
 * with {@code file = <slug>.ics}, one event. Conditional requests that match are answered after reading only the
 * site version.
 */
public final class IcsFeedHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    /** The HTTP API routes this handler serves, as template.yaml declares them (a deploy test compares). */
    public static final List<String> ROUTES = List.of("GET /calendar.ics", "HEAD /calendar.ics",
            "GET /events/{file}", "HEAD /events/{file}");
    static final String CALENDAR_PATH = "/calendar.ics";
    static final String EVENTS_PREFIX = "/events/";
    private static final String ICS = ".ics";
    private static final Logger log = LoggerFactory.getLogger(IcsFeedHandler.class);

    private final CalendarFeeds feeds;

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
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        var request = new ApiRequest(event);
        APIGatewayV2HTTPResponse response;
        RuntimeException failure = null;
        try {
            response = respond(request, event);
        } catch (RuntimeException e) {
            failure = e;
            response = IcsResponses.serverError();
        }
        log.atLevel(failure == null ? Level.INFO : Level.ERROR)
                .addKeyValue("requestId", request.requestId())
                .addKeyValue("method", request.method())
                .addKeyValue("path", request.path())
                .addKeyValue("status", response.getStatusCode())
                .addKeyValue("bytes", response.getBody() == null ? 0 : response.getBody().length())
                .addKeyValue("latencyMs", (System.nanoTime() - started) / 1_000_000)
                .setCause(failure)
                .log("request");
        return response;
    }

    private APIGatewayV2HTTPResponse respond(ApiRequest request, APIGatewayV2HTTPEvent event) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return IcsResponses.methodNotAllowed();
        }
        if (request.path().equals(CALENDAR_PATH)) {
            return groupFeed(request);
        }
        return eventFile(event).map(slug -> eventFile(request, slug)).orElseGet(IcsResponses::notFound);
    }

    private APIGatewayV2HTTPResponse groupFeed(ApiRequest request) {
        CalendarFeeds.GroupFeed feed = feeds.groupFeed();
        if (feed.validators().notModified(request)) {
            return IcsResponses.notModified(feed.validators());
        }
        String body = isHead(request) ? null : feeds.render(feed);
        return IcsResponses.calendar(body, "inline; filename=\"calendar.ics\"", feed.validators());
    }

    private APIGatewayV2HTTPResponse eventFile(ApiRequest request, String slug) {
        Validators validators = feeds.eventValidators();
        boolean mustExist = Validators.asksForAnyVersion(request);
        if (!mustExist && validators.notModified(request)) {
            return IcsResponses.notModified(validators);
        }
        Optional<Event> event = feeds.publicEvent(slug);
        if (event.isEmpty()) {
            return IcsResponses.notFound();
        }
        if (mustExist) {
            return IcsResponses.notModified(validators);
        }
        String body = isHead(request) ? null : feeds.render(event.get());
        return IcsResponses.calendar(body, "attachment; filename=\"" + slug + ICS + "\"", validators);
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

    /** The slug of {@code /events/<slug>.ics}, from the route's path parameter or else the raw path. */
    private static Optional<String> eventFile(APIGatewayV2HTTPEvent event) {
        Map<String, String> parameters = event.getPathParameters();
        String file = parameters != null && parameters.get("file") != null ? parameters.get("file")
                : event.getRawPath() != null && event.getRawPath().startsWith(EVENTS_PREFIX)
                ? event.getRawPath().substring(EVENTS_PREFIX.length()) : null;
        if (file == null || !file.endsWith(ICS)) {
            return Optional.empty();
        }
        String slug = file.substring(0, file.length() - ICS.length());
        return slug.length() <= Slugs.MAX_LENGTH && Slugs.FORMAT.matcher(slug).matches() ? Optional.of(slug)
                : Optional.empty();
    }

    private static boolean isHead(ApiRequest request) {
        return request.method().equals("HEAD");
    }
}
