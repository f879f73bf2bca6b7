package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.json.Json;
import io.handbill.log.CapturedStdout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class HttpApiTest {
    private final List<String> called = new ArrayList<>();
    @RegisterExtension
    final CapturedStdout stdout = CapturedStdout.eachTest();

    private HttpApi<Function<ApiRequest, HttpResponse>> api(Function<ApiRequest, HttpResponse> endpoint) {
        return new HttpApi<>(TestRoutes.table(called), endpoint,
                e -> e instanceof NoSuchElementException ? Problem.of(404, "No such thing.") : null,
                "Something went wrong on our side.");
    }

    @Test
    void aRoute_reachesItsEndpoint_withItsPathParameters() {
        var api = api(request -> HttpResponse.json(200, Map.of("id", request.pathParameter("id"))));

        APIGatewayV2HTTPResponse response = api.handle(Requests.routed("GET /api/things/{id}", "/api/things/a-1",
                Map.of("id", "a-1")));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("{\"id\":\"a-1\"}");
        assertThat(called).containsExactly("GET /api/things/{id}");
    }

    @Test
    void eachRequest_logsOneLine_withTheSameFields_andNothingTheReaderSent() throws Exception {
        var api = api(request -> HttpResponse.jsonText(201, "{\"ok\":true}"));

        api.handle(Requests.routed("POST /api/things/{id}/publish", "/api/things/a-1/publish", Map.of("id", "a-1")));

        JsonNode line = Json.MAPPER.readTree(stdout.text());
        assertThat(stdout.text()).hasLineCount(1).doesNotContain("ann@", "secret-token", "203.0.113.7");
        assertThat(fieldNames(line)).containsExactly("time", "level", "logger", "message", "requestId", "method",
                "route", "path", "status", "bytes", "latencyMs");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("requestId").asText()).isEqualTo("req-1");
        assertThat(line.get("method").asText()).isEqualTo("POST");
        assertThat(line.get("route").asText()).isEqualTo("POST /api/things/{id}/publish");
        assertThat(line.get("path").asText()).isEqualTo("/api/things/a-1/publish");
        assertThat(line.get("status").asInt()).isEqualTo(201);
        assertThat(line.get("bytes").asInt()).isEqualTo(11);
        assertThat(line.get("latencyMs").isIntegralNumber()).isTrue();
    }

    @Test
    void anUnknownRouteKey_is404_withoutCallingAnEndpoint() throws Exception {
        var api = api(request -> HttpResponse.empty(204));

        APIGatewayV2HTTPResponse response = api.handle(Requests.routed("DELETE /api/things", "/api/things", null));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(called).isEmpty();
        assertThat(Json.MAPPER.readTree(stdout.text()).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aProblemException_isAnsweredWithItsProblemAndHeaders() {
        var api = api(request -> {
            throw new ProblemException(Problem.of(401, "Sign in."), Map.of("WWW-Authenticate", "Bearer"));
        });

        APIGatewayV2HTTPResponse response = api.handle(Requests.routed("GET /api/things", "/api/things", null));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(response.getHeaders()).containsEntry("WWW-Authenticate", "Bearer")
                .containsEntry("Content-Type", "application/problem+json");
    }

    @Test
    void anExpectedFailure_isTheFunctionsProblem_loggedWithoutAStackTrace() throws Exception {
        var api = api(request -> {
            throw new NoSuchElementException("thing a-1");
        });

        APIGatewayV2HTTPResponse response = api.handle(Requests.routed("GET /api/things/{id}", "/api/things/a-1",
                Map.of("id", "a-1")));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(Json.MAPPER.readTree(response.getBody()).get("detail").asText()).isEqualTo("No such thing.");
        JsonNode line = Json.MAPPER.readTree(stdout.text());
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.has("stackTrace")).isFalse();
    }

    @Test
    void anythingElse_is500WithAFixedBody_loggedOnceWithItsStackTrace() throws Exception {
        var api = api(request -> {
            throw new IllegalStateException("table gone: arn:aws:dynamodb:secret");
        });

        APIGatewayV2HTTPResponse response = api.handle(Requests.routed("GET /api/things", "/api/things", null));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Cache-Control", "no-store");
        assertThat(response.getBody()).doesNotContain("arn", "IllegalState", "Exception", "at io.");
        assertThat(Json.MAPPER.readTree(response.getBody()).get("detail").asText())
                .isEqualTo("Something went wrong on our side.");
        assertThat(stdout.text()).hasLineCount(1);
        JsonNode line = Json.MAPPER.readTree(stdout.text());
        assertThat(line.get("level").asText()).isEqualTo("ERROR");
        assertThat(line.get("status").asInt()).isEqualTo(500);
        assertThat(line.get("error").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(line.get("stackTrace").asText()).contains("HttpApiTest");
    }

    private static List<String> fieldNames(JsonNode line) {
        var names = new ArrayList<String>();
        for (Iterator<String> it = line.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
