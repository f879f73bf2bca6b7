package io.handbill.api;

import io.handbill.http.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRouterTest {
    private final EventRouter router = new EventRouter();

    @ParameterizedTest
    @CsvSource(nullValues = "NONE", value = {
            "GET,    /api/events,                 LIST,    NONE",
            "POST,   /api/events,                 CREATE,  NONE",
            "GET,    /api/events/abc-123,         GET,     abc-123",
            "PUT,    /api/events/abc-123,         UPDATE,  abc-123",
            "DELETE, /api/events/abc-123,         DELETE,  abc-123",
            "POST,   /api/events/abc-123/publish, PUBLISH, abc-123",
            "POST,   /api/events/abc-123/cancel,  CANCEL,  abc-123"})
    void routes_matchTemplateYaml(String method, String path, EventRouter.Route route, String id) {
        assertThat(router.match(method, path)).isEqualTo(new EventRouter.Match(route, id));
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/event", "GET, /api/events/a/b", "GET, /api/events/", "POST, /api/events/x/archive",
            "GET, /api/events/..%2f..", "GET, /api/events/" + "a" + "0000000000000000000000000000000000000000000000000000000000000000"})
    void unknownPaths_are404(String method, String path) {
        assertThatThrownBy(() -> router.match(method, path)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.problem().status()).isEqualTo(404));
    }

    @ParameterizedTest
    @CsvSource({"DELETE, /api/events, 'GET, POST'", "POST, /api/events/x, 'GET, PUT, DELETE'",
            "GET, /api/events/x/publish, POST"})
    void otherMethods_are405WithAllow(String method, String path, String allow) {
        assertThatThrownBy(() -> router.match(method, path)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(405);
            assertThat(e.headers()).containsEntry("Allow", allow);
        });
    }
}
