package io.handbill.local;

import com.sun.net.httpserver.HttpExchange;
import io.handbill.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing responses on {@link HttpExchange}, whose length argument has odd conventions (-1 = no body). */
final class Responses {
    private Responses() {
    }

    static void json(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
    }

    static void html(HttpExchange exchange, int status, String html) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        send(exchange, status, html.getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    /** An RFC 9457 problem: what every error of the stack's own front looks like, as the API's errors do. */
    static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        send(exchange, status, Json.write(problem).getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        send(exchange, status, null);
    }

    /** Sends {@code body}, or headers only when it is null, for HEAD, or for a status that has no body. */
    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = body == null || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || status == 204 || status == 304;
        if (noBody) {
            if (body != null && status != 204 && status != 304) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
