package io.handbill.http;

import java.util.List;
import java.util.function.Function;

/** A small route table for the tests of the HTTP layer: each route notes its key, then asks the test's endpoint. */
final class TestRoutes {
    static final List<String> KEYS = List.of("GET /api/things", "GET /api/things/{id}",
            "POST /api/things/{id}/publish");

    private TestRoutes() {
    }

    /** @param answered gets the key of each route that answers a request */
    static Routes<Function<ApiRequest, HttpResponse>> table(List<String> answered) {
        var routes = Routes.<Function<ApiRequest, HttpResponse>>builder();
        for (String key : KEYS) {
            routes.on(key, (endpoint, request) -> {
                answered.add(key);
                return endpoint.apply(request);
            });
        }
        return routes.build();
    }
}
