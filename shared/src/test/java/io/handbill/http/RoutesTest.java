package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutesTest {
    private final Routes<TestRoute> routes = Routes.of(TestRoute.class);

    @ParameterizedTest
    @CsvSource({"GET /api/things, /api/things, LIST", "GET /api/things/{id}, /api/things/a-1, GET",
            "POST /api/things/{id}/publish, /api/things/a-1/publish, PUBLISH"})
    void eachRouteKey_findsItsRoute(String routeKey, String path, TestRoute expected) {
        assertThat(routes.route(new ApiRequest(Requests.routed(routeKey, path, Map.of())))).isEqualTo(expected);
    }

    @Test
    void theRouteKey_isTakenFromTheRequestContext_whenTheEventHasNoneOfItsOwn() {
        APIGatewayV2HTTPEvent event = Requests.routed("GET /api/things/{id}", "/api/things/a-1", Map.of("id", "a-1"));
        event.setRouteKey(null);

        assertThat(routes.route(new ApiRequest(event))).isEqualTo(TestRoute.GET);
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
        assertThat(Routes.keys(TestRoute.class))
                .containsExactly("GET /api/things", "GET /api/things/{id}", "POST /api/things/{id}/publish");
    }

    @Test
    void twoRoutesWithOneKey_areRefusedWhenTheTableIsBuilt() {
        assertThatThrownBy(() -> Routes.of(Twice.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET /x");
    }

    @Test
    void pathParameters_areReadByName_andAMissingOneIsAProgrammingError() {
        var request = new ApiRequest(Requests.routed("GET /api/things/{id}", "/api/things/a%2F1",
                Map.of("id", "a/1")));

        assertThat(request.pathParameter("id")).isEqualTo("a/1");
        assertThatThrownBy(() -> request.pathParameter("slug")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET /api/things/{id}");
    }

    enum Twice implements HttpRoute {
        ONE, TWO;

        @Override
        public String key() {
            return "GET /x";
        }
    }
}
