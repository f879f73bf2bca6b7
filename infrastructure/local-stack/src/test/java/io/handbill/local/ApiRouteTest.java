package io.handbill.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRouteTest {

    @Test
    void parameterSegment_matchesOneWholeSegment_decoded() {
        var route = new ApiRoute("GET", "/api/events/{id}", ApiRoutes.EVENT_API);

        assertThat(route.match("GET", "/api/events/abc-123")).contains(Map.of("id", "abc-123"));
        assertThat(route.match("GET", "/api/events/a%2Fb")).contains(Map.of("id", "a/b"));
        assertThat(route.match("GET", "/api/events/")).isEmpty();
        assertThat(route.match("GET", "/api/events/a/b")).isEmpty();
        assertThat(route.match("PUT", "/api/events/abc")).isEmpty();
        assertThat(route.match("GET", "/api/events/%zz")).isEmpty();
    }

    @Test
    void routeTable_sendsEachPathToItsFunction() {
        assertThat(ApiGateway.route("POST", "/api/events/e1/publish")).hasValueSatisfying(m -> {
            assertThat(m.getKey().routeKey()).isEqualTo("POST /api/events/{id}/publish");
            assertThat(m.getValue()).containsEntry("id", "e1");
        });
        assertThat(ApiGateway.route("GET", "/api/subscribers/summary").orElseThrow().getKey().handler())
                .isEqualTo(ApiRoutes.SUBSCRIPTIONS);
        assertThat(ApiGateway.route("HEAD", "/events/2017-09-26-x.ics").orElseThrow().getValue())
                .containsEntry("file", "2017-09-26-x.ics");
        assertThat(ApiGateway.route("PATCH", "/api/events/e1")).isEmpty();
        assertThat(ApiGateway.route("GET", "/api/nothing")).isEmpty();
    }

    @Test
    void routeKeys_areUnique() {
        assertThat(ApiRoutes.ROUTES.stream().map(ApiRoute::routeKey)).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/api/events, true", "/calendar.ics, true", "/events/2017-09-26-x.ics, true",
            "/events/2017-09-26-x/, false", "/, false", "/apis, false"})
    void onlyApiAndCalendarPaths_goToTheApi_likeCloudFrontBehaviours(String path, boolean api) {
        assertThat(ApiRoutes.isApiPath(path)).isEqualTo(api);
    }
}
