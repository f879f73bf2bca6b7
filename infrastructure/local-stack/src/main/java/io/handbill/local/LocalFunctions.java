package io.handbill.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.handbill.api.EventApiHandler;
import io.handbill.api.EventService;
import io.handbill.icsfeed.IcsFeedHandler;

import java.util.HashMap;
import java.util.Map;

/** The real function handlers, each built through its dependency-taking constructor from {@link LocalServices}. */
final class LocalFunctions {
    private LocalFunctions() {
    }

    /** HTTP API functions by handler class name, as {@link ApiRoutes} names them. */
    static Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> http(LocalServices s) {
        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> functions = new HashMap<>();
        functions.put(ApiRoutes.EVENT_API, new EventApiHandler(
                EventService.onTable(s.dynamoDb(), s.table(), s.clock()), LocalServices.ADMIN_GROUP));
        functions.put(ApiRoutes.ICS_FEED, new IcsFeedHandler(s.eventStore(), s.site(), s.clock(),
                LocalServices.FEED_PAST_DAYS));
        return functions;
    }

    static RequestHandler<DynamodbEvent, StreamsEventResponse> renderer(LocalServices s) {
        return (event, context) -> StreamsEventResponse.builder().build();
    }

    static RequestHandler<ScheduledEvent, ?> reminders(LocalServices s) {
        return (event, context) -> null;
    }
}
