package io.handbill.http;

/** A small route table for the tests of the HTTP layer. */
enum TestRoute implements HttpRoute {
    LIST("GET /api/things"),
    GET("GET /api/things/{id}"),
    PUBLISH("POST /api/things/{id}/publish");

    private final String key;

    TestRoute(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
