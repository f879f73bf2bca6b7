package io.handbill.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.http.ApiRequest;
import io.handbill.http.AdminGroupConfig;
import io.handbill.http.ApiResponses;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.Problem;
import io.handbill.http.ProblemException;
import io.handbill.store.DynamoDbEventStore;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * The organisers' event API behind API Gateway's JWT authorizer: routes in {@link EventRouter}, the work in
 * {@link EventService}. Writes one JSON log line per request (request id, route, status, latency), never a body.
 */
public final class EventApiHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    private static final Logger log = LoggerFactory.getLogger(EventApiHandler.class);

    private final EventRouter router = new EventRouter();
    private final GroupAuthorizer authorizer;
    private final EventEndpoints endpoints;

    /** Used by the Lambda runtime, once per sandbox: settings from the environment, the shared SDK client. */
    public EventApiHandler() {
        this(EventApiConfig.from(Env.processVariables()), AwsClients.dynamoDb(), Clock.systemUTC());
        // SnapStart snapshots after init: prime then, so that restored sandboxes start warm
        Core.getGlobalContext().register(this);
    }

    /** The function's wiring, on the given client: the runtime, the local stack and integration tests use it. */
    public EventApiHandler(EventApiConfig config, DynamoDbClient dynamo, Clock clock) {
        this(new EventService(new DynamoDbEventStore(dynamo, config.eventsTable()),
                new DynamoDbIdempotencyStore(dynamo, config.eventsTable()), clock), config.adminGroup());
    }

    /** For unit tests: admins are members of the default group. */
    EventApiHandler(EventService service) {
        this(service, AdminGroupConfig.DEFAULT);
    }

    EventApiHandler(EventService service, String adminGroup) {
        this.authorizer = new GroupAuthorizer(adminGroup);
        this.endpoints = new EventEndpoints(service);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        var request = new ApiRequest(event);
        String route = "-";
        APIGatewayV2HTTPResponse response;
        RuntimeException failure = null;
        try {
            EventRouter.Match match = router.match(request.method(), request.path());
            route = match.route().key();
            authorizer.authorize(request);
            response = endpoints.handle(match, request);
        } catch (ProblemException e) {
            response = ApiResponses.problem(e);
        } catch (RuntimeException e) {
            Problem problem = EventProblems.of(e);
            if (problem == null) {
                failure = e;
                problem = EventProblems.UNEXPECTED;
            }
            response = ApiResponses.problem(problem);
        }
        log.atLevel(failure == null ? Level.INFO : Level.ERROR)
                .addKeyValue("requestId", requestId(request, context))
                .addKeyValue("method", request.method())
                .addKeyValue("route", route)
                .addKeyValue("status", response.getStatusCode())
                .addKeyValue("latencyMs", (System.nanoTime() - started) / 1_000_000)
                .setCause(failure)
                .log("request");
        return response;
    }

    private static String requestId(ApiRequest request, Context context) {
        String apiRequestId = request.requestId();
        if (!apiRequestId.equals("-") || context == null) {
            return apiRequestId;
        }
        return context.getAwsRequestId();
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
