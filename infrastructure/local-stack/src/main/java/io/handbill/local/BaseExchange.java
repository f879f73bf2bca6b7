package io.handbill.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.util.HashMap;
import java.util.Map;

/**
 * The part of an {@link HttpExchange} that does not depend on where the bytes come from and go: response headers,
 * the status once sent, attributes; no server context and no principal, as the local handlers use neither.
 */
abstract class BaseExchange extends HttpExchange {
    protected final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private int status = -1;

    /** Records the response status; false if one was recorded already. */
    protected final boolean recordStatus(int code) {
        if (status != -1) {
            return false;
        }
        status = code;
        return true;
    }

    final boolean responseStarted() {
        return status != -1;
    }

    @Override
    public final Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public final int getResponseCode() {
        return status;
    }

    @Override
    public final HttpContext getHttpContext() {
        return null;
    }

    @Override
    public final HttpPrincipal getPrincipal() {
        return null;
    }

    @Override
    public final Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public final void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }
}
