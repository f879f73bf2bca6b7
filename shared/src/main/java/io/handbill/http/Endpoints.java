package io.handbill.http;

/** Answers a request on one of a function's routes; an expected failure may be thrown for {@link HttpApi} to map. */
@FunctionalInterface
public interface Endpoints<R extends Enum<R> & HttpRoute> {
    HttpResponse respond(R route, ApiRequest request);
}
