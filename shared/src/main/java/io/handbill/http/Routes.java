package io.handbill.http;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's route table: the route key API Gateway sends → the function's route. API Gateway only invokes a
 * function for the routes template.yaml gives it, so an unknown key means a mis-deployed template, answered with
 * one plain 404.
 */
public final class Routes<R extends Enum<R> & HttpRoute> {
    private final Map<String, R> byKey = new HashMap<>();

    private Routes(Class<R> type) {
        for (R route : type.getEnumConstants()) {
            if (byKey.put(route.key(), route) != null) {
                throw new IllegalArgumentException("Two routes of " + type.getSimpleName() + " have the key "
                        + route.key());
            }
        }
    }

    public static <R extends Enum<R> & HttpRoute> Routes<R> of(Class<R> type) {
        return new Routes<>(type);
    }

    /** The route keys of {@code type}, in declaration order, as template.yaml should list them. */
    public static <R extends Enum<R> & HttpRoute> List<String> keys(Class<R> type) {
        return Arrays.stream(type.getEnumConstants()).map(HttpRoute::key).toList();
    }

    /** @throws ProblemException 404 when no route has the request's route key */
    public R route(ApiRequest request) {
        R route = byKey.get(request.routeKey());
        if (route == null) {
            throw new ProblemException(Problem.of(404, "There is nothing at this address."));
        }
        return route;
    }
}
