package io.handbill.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.aws.Env;
import io.handbill.http.GroupAuthorizer;
import io.handbill.http.HttpApi;
import io.handbill.http.Routes;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;

/**
 * The organisers' event API behind API Gateway's JWT authorizer: routes in {@link EventEndpoints}, the work in
 * {@link EventService}, dispatch, errors and the access log in {@link HttpApi}.
 */
public final class EventApiHandler
        implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {

    /** The routes template.yaml gives this function (a deploy test compares). */
    public static final List<String> ROUTES = Routes.keys(EventEndpoints.Route.class);
    static final String DEFAULT_GROUP = "organisers";

    private final GroupAuthorizer authorizer;
    private final HttpApi<EventEndpoints.Route> http;

    /** Used by the Lambda runtime, once per sandbox: table and clients from the environment. */
    public EventApiHandler() {
        this(EventService.fromEnv(), Env.optional("ADMIN_GROUP", DEFAULT_GROUP));
        // SnapStart snapshots after init: prime then, so that restored sandboxes start warm
        Core.getGlobalContext().register(this);
    }

    /** For the local stack and tests: admins are members of {@code organisers}. */
    public EventApiHandler(EventService service) {
        this(service, DEFAULT_GROUP);
    }

    public EventApiHandler(EventService service, String adminGroup) {
        this.authorizer = new GroupAuthorizer(adminGroup);
        this.http = new HttpApi<>(EventEndpoints.Route.class, new EventEndpoints(service, authorizer),
                EventProblems::of, EventProblems.UNEXPECTED_DETAIL);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
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
