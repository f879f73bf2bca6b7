package io.handbill.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.handbill.api.EventApiConfig;
import io.handbill.api.EventApiHandler;
import io.handbill.icsfeed.IcsFeedConfig;
import io.handbill.icsfeed.IcsFeedHandler;
import io.handbill.reminder.ReminderEmailConfig;
import io.handbill.reminder.SendRemindersHandler;
import io.handbill.render.AdminToolsConfig;
import io.handbill.render.AdminToolsHandler;
import io.handbill.render.PageRendererConfig;
import io.handbill.render.RenderPagesHandler;
import io.handbill.render.SitePublisher;
import io.handbill.subscribe.SubscriptionsConfig;
import io.handbill.subscribe.SubscriptionsHandler;

import java.util.HashMap;
import java.util.Map;

/**
 * The real function handlers, each configured by its {@code <Function>Config} from the local environment and wired
 * by its own config-taking constructor on the stack's clients, as the Lambda runtime wires it on the SDK's.
 */
final class LocalFunctions {
    private LocalFunctions() {
    }

    /** HTTP API functions by handler class name, as {@link ApiRoutes} names them. */
    static Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> http(LocalServices s) {
        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions = new HashMap<>();
        functions.put(ApiRoutes.EVENT_API,
                new EventApiHandler(EventApiConfig.from(s.environment()), s.dynamoDb(), s.clock()));
        functions.put(ApiRoutes.SUBSCRIPTIONS, new SubscriptionsHandler(SubscriptionsConfig.from(s.environment()),
                s.dynamoDb(), s.sesV2(), s.clock()));
        functions.put(ApiRoutes.ADMIN_TOOLS,
                new AdminToolsHandler(AdminToolsConfig.from(s.environment()), s.dynamoDb(), s.s3(), s.clock()));
        functions.put(ApiRoutes.ICS_FEED,
                new IcsFeedHandler(IcsFeedConfig.from(s.environment()), s.dynamoDb(), s.clock()));
        return functions;
    }

    /** The page renderer's stream entry point. */
    static RequestHandler<DynamodbEvent, StreamsEventResponse> renderer(LocalServices s) {
        return new RenderPagesHandler(publisher(s))::handleRequest;
    }

    /** What the renderer publishes with; also the whole-site rebuild. */
    static SitePublisher publisher(LocalServices s) {
        return RenderPagesHandler.publisher(PageRendererConfig.from(s.environment()), s.dynamoDb(), s.s3(),
                s.clock());
    }

    /** The reminder function's sweep, as its schedule runs it (the tick itself is not read). */
    static RequestHandler<ScheduledEvent, ?> reminders(LocalServices s) {
        SendRemindersHandler handler = new SendRemindersHandler(ReminderEmailConfig.from(s.environment()),
                s.dynamoDb(), s.sesV2(), s.clock());
        return (tick, context) -> handler.run(context);
    }
}
