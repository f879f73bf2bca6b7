package io.handbill.icsfeed;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** API Gateway v2 requests for the calendar routes, from the recorded fixtures under events/apigw. */
final class Requests {
    private Requests() {
    }

    static APIGatewayV2HTTPEvent calendar(String method, Map<String, String> headers) {
        return load(method.equals("HEAD") ? "events/apigw/calendar-head.json" : "events/apigw/calendar-get.json",
                headers);
    }

    /** {@code GET|HEAD /events/{file}} with the path parameter as API Gateway sets it. */
    static APIGatewayV2HTTPEvent eventFile(String method, String file, Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = load(method.equals("HEAD") ? "events/apigw/event-head.json"
                : "events/apigw/event-get.json", headers);
        event.setRawPath("/events/" + file);
        event.getRequestContext().getHttp().setPath("/events/" + file);
        event.setPathParameters(Map.of("file", file));
        return event;
    }

    static APIGatewayV2HTTPEvent load(String fixture, Map<String, String> headers) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(fixture);
        var all = new HashMap<>(event.getHeaders());
        // API Gateway delivers header names in lower case
        headers.forEach((name, value) -> all.put(name.toLowerCase(Locale.ROOT), value));
        event.setHeaders(all);
        return event;
    }
}
