package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutesTest {
    private final List<String> answered = new ArrayList<>();
    private final Routes<Function<ApiRequest, HttpResponse>> routes = TestRoutes.table(answered);

    @ParameterizedTest
    @CsvSource({"GET /api/things, /api/things", "GET /api/things/{id}, /api/things/a-1",
            "POST /api/things/{id}/publish, /api/things/a-1/publish"})
    void eachRouteKey_findsItsRoute(String routeKey, String path) {
        answer(new ApiRequest(Requests.routed(routeKey, path, Map.of())));

        assertThat(answered).containsExactly(routeKey);
    }

    @Test
    void theRouteKey_isTakenFromTheRequestContext_whenTheEventHasNoneOfItsOwn() {
        APIGatewayV2HTTPEvent event = Requests.routed("GET /api/things/{id}", "/api/things/a-1", Map.of("id", "a-1"));
        event.setRouteKey(null);

        answer(new ApiRequest(event));

        assertThat(answered).containsExactly("GET /api/things/{id}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT /api/things", "GET /api/things/a-1", "$default", "get /api/things",
            "GET /api/things/{id}/publish"})
    void aKeyNoRouteHas_is404(String routeKey) {
        assertThatThrownBy(() -> routes.route(new ApiRequest(Requests.routed(routeKey, "/api/things", Map.of()))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(404);
                    assertThat(e.problem().detail()).isEqualTo("There is nothing at this address.");
                });
    }

    @Test
    void anEventWithoutARouteKey_is404() {
        var event = APIGatewayV2HTTPEvent.builder().withRawPath("/api/things").build();

        assertThatThrownBy(() -> routes.route(new ApiRequest(event))).isInstanceOf(ProblemException.class);
    }

    @Test
    void keys_areListedInDeclarationOrder() {
        assertThat(routes.keys())
                .containsExactly("GET /api/things", "GET /api/things/{id}", "POST /api/things/{id}/publish");
    }

    @Test
    void twoRoutesWithOneKey_areRefusedWhenTheTableIsBuilt() {
        var twice = Routes.<Object>builder().on("GET /x", (endpoints, request) -> HttpResponse.empty(204));

        assertThatThrownBy(() -> twice.on("GET /x", (endpoints, request) -> HttpResponse.empty(200)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /x");
    }

    @Test
    void pathParameters_areReadByName_andAMissingOneIsAProgrammingError() {
        var request = new ApiRequest(Requests.routed("GET /api/things/{id}", "/api/things/a%2F1",
                Map.of("id", "a/1")));

        assertThat(request.pathParameter("id")).isEqualTo("a/1");
        assertThatThrownBy(() -> request.pathParameter("slug")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /api/things/{id}");
    }

    private void answer(ApiRequest request) {
        routes.route(request).respond(r -> HttpResponse.empty(204), request);
    }
}
