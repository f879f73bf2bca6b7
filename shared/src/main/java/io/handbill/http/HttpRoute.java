package io.handbill.http;

/**
 * One route of an HTTP function, named by the route key API Gateway sends with each request and template.yaml
 * declares, such as {@code POST /api/events/{id}/publish}. A function lists its routes as an enum implementing this.
 */
public interface HttpRoute {
    /** API Gateway's route key: method, a space, and the path with {@code {name}} parameters. */
    String key();
}
