package io.handbill.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's route table: each route key API Gateway sends (method, a space, the path with {@code {name}}
 * parameters, as template.yaml declares it) with what answers it, one line per route. API Gateway only invokes a
 * function for the routes template.yaml gives it, so an unknown key means a mis-deployed template, answered with
 * one plain 404.
 *
 * @param <E> the function's endpoints, which every route is answered by
 */
public final class Routes<E> {
    /** Answers one route's requests on the function's endpoints; may throw an expected failure for {@link HttpApi}. */
    @FunctionalInterface
    public interface Route<E> {
        HttpResponse respond(E endpoints, ApiRequest request);
    }

    private final Map<String, Route<E>> byKey;
    private final List<String> keys;

    private Routes(Map<String, Route<E>> byKey) {
        this.byKey = Map.copyOf(byKey);
        this.keys = List.copyOf(byKey.keySet());
    }

    public static <E> Builder<E> builder() {
        return new Builder<>();
    }

    /** The route keys in declaration order, as template.yaml should list them. */
    public List<String> keys() {
        return keys;
    }

    /** @throws ProblemException 404 when no route has the request's route key */
    public Route<E> route(ApiRequest request) {
        Route<E> route = byKey.get(request.routeKey());
        if (route == null) {
            throw new ProblemException(Problem.of(404, "There is nothing at this address."));
        }
        return route;
    }

    public static final class Builder<E> {
        private final Map<String, Route<E>> byKey = new LinkedHashMap<>();

        private Builder() {
        }

        /** @throws IllegalArgumentException when another route has this key */
        public Builder<E> on(String key, Route<E> route) {
            if (byKey.putIfAbsent(key, route) != null) {
                throw new IllegalArgumentException("Two routes have the key " + key);
            }
            return this;
        }

        public Routes<E> build() {
            return new Routes<>(byKey);
        }
    }
}
