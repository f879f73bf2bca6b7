package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * What every HTTP function does around its endpoints: finds the route by API Gateway's route key, turns expected
 * failures into problem+json, answers anything else with a fixed 500 (logged once, with its stack trace), and
 * writes one access-log line per request with the same fields everywhere: {@code requestId}, {@code method},
 * {@code route}, {@code path}, {@code status}, {@code bytes}, {@code latencyMs}. Never a body, a query string,
 * a header or the client's address: bodies and links carry emails and tokens.
 */
public final class HttpApi<E> {
    private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

    private final Routes<E> routes;
    private final E endpoints;
    private final ExpectedFailures expected;
    private final Problem serverError;

    /**
     * @param serverErrorDetail the fixed {@code detail} of this function's 500s, e.g. what a retry does
     */
    public HttpApi(Routes<E> routes, E endpoints, ExpectedFailures expected, String serverErrorDetail) {
        this.routes = routes;
        this.endpoints = endpoints;
        this.expected = expected;
        this.serverError = Problem.of(500, serverErrorDetail);
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        var request = new ApiRequest(event);
        HttpResponse response;
        RuntimeException failure = null;
        try {
            response = routes.route(request).respond(endpoints, request);
        } catch (ProblemException e) {
            response = HttpResponse.problem(e);
        } catch (RuntimeException e) {
            Problem problem = expected.problemFor(e);
            if (problem == null) {
                failure = e;
                problem = serverError;
            }
            response = HttpResponse.problem(problem);
        }
        log.atLevel(failure == null ? Level.INFO : Level.ERROR)
                .addKeyValue("requestId", request.requestId())
                .addKeyValue("method", request.method())
                .addKeyValue("route", request.routeKey())
                .addKeyValue("path", request.path())
                .addKeyValue("status", response.status())
                .addKeyValue("bytes", response.bodyLength())
                .addKeyValue("latencyMs", (System.nanoTime() - started) / 1_000_000)
                .setCause(failure)
                .log("request");
        return response.toApiGateway();
    }
}
