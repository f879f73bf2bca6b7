package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.handbill.http.ApiGatewayRouting;

import java.util.HashMap;
import java.util.Map;

/**
 * Requests for the steps of a scenario whose ids are only known at run time: a recorded API Gateway event from
 * {@code events/apigw/} with method, path, headers and body replaced, and the route key and path parameters API
 * Gateway would give that method and path.
 */
final class ApiEvents {
    private final APIGatewayV2HTTPEvent event;

    private ApiEvents(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** An organiser's request, from the recorded GET fixture. */
    static ApiEvents organiser(String method, String path) {
        return from("events/apigw/get-event.json").method(method).path(path);
    }

    static ApiEvents from(String fixture) {
        return new ApiEvents(EventLoader.loadApiGatewayHttpEvent(fixture));
    }

    ApiEvents method(String method) {
        event.getRequestContext().getHttp().setMethod(method);
        return this;
    }

    ApiEvents path(String path) {
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        return this;
    }

    ApiEvents query(Map<String, String> parameters) {
        event.setQueryStringParameters(parameters);
        return this;
    }

    ApiEvents header(String name, String value) {
        var headers = new HashMap<>(event.getHeaders());
        headers.put(name.toLowerCase(), value);
        event.setHeaders(headers);
        return this;
    }

    ApiEvents json(String body) {
        header("content-type", "application/json");
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return this;
    }

    ApiEvents claims(Map<String, String> claims) {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return this;
    }

    APIGatewayV2HTTPEvent build() {
        return ApiGatewayRouting.route(event, EventApiHandler.ROUTES);
    }
}
