package io.handbill.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.http.AdminGroupConfig;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpApi;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.DynamoDbSeriesStore;
import io.handbill.store.EventStore;
import io.handbill.store.SeriesStore;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;

/**
 * The organisers' event API behind API Gateway's JWT authorizer: routes in {@link EventEndpoints}, the work in
 * {@link EventService}, dispatch, errors and the access log in {@link HttpApi}.
 */
public final class EventApiHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /** The routes template.yaml gives this function (a deploy test compares). */
    public static final List<String> ROUTES = EventEndpoints.ROUTES.keys();

    /** The route key of the daily schedule's input: make every series' occurrences up to its horizon. */
    public static final String REFRESH_SERIES = "SCHEDULE refresh-series";

    private final GroupAuthorizer authorizer;
    private final SeriesService series;
    private final HttpApi<EventEndpoints> http;

    /** Used by the Lambda runtime, once per sandbox: settings from the environment, the shared SDK client. */
    public EventApiHandler() {
        this(EventApiConfig.from(Env.processVariables()), AwsClients.dynamoDb(), Clock.systemUTC());
        // SnapStart snapshots after init: prime then, so that restored sandboxes start warm
        Core.getGlobalContext().register(this);
    }

    /** The function's wiring, on the given client: the runtime, the local stack and integration tests use it. */
    public EventApiHandler(EventApiConfig config, DynamoDbClient dynamo, Clock clock) {
        this(new DynamoDbEventStore(dynamo, config.eventsTable()), new DynamoDbSeriesStore(dynamo,
                config.eventsTable()), new DynamoDbIdempotencyStore(dynamo, config.eventsTable()), clock,
                config.adminGroup());
    }

    private EventApiHandler(EventStore events, SeriesStore series, IdempotencyStore idempotency, Clock clock,
                            String adminGroup) {
        this(new EventService(events, idempotency, clock), series, events, clock, adminGroup);
    }

    private EventApiHandler(EventService service, SeriesStore series, EventStore events, Clock clock,
                            String adminGroup) {
        this(service, new SeriesService(series, events, service, clock), adminGroup);
    }

    /** For unit tests: admins are members of the default group. */
    EventApiHandler(EventService service, SeriesService series) {
        this(service, series, AdminGroupConfig.DEFAULT);
    }

    EventApiHandler(EventService service, SeriesService series, String adminGroup) {
        this.authorizer = new GroupAuthorizer(adminGroup);
        this.series = series;
        this.http = new HttpApi<>(EventEndpoints.ROUTES, new EventEndpoints(service, series, authorizer),
                EventProblems::of, EventProblems.UNEXPECTED_DETAIL);
    }

    /**
     * An HTTP request through API Gateway, or the daily schedule's {@value #REFRESH_SERIES} (a route key API
     * Gateway never sends: only the scheduler, with its IAM role, can invoke the function with it).
     */
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (REFRESH_SERIES.equals(event.getRouteKey()) && event.getRequestContext() == null) {
            int created = series.refreshAll();
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withBody("{\"created\":" + created + "}").build();
        }
        return http.handle(event);
    }

    /** Warms the DynamoDB client, Jackson and this handler's code paths before a SnapStart snapshot, changing nothing. */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        Priming.run(this, authorizer.group());
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to reconnect: the url-connection client opens connections per need
    }
}
