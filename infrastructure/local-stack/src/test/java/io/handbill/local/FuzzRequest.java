package io.handbill.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request: what goes on the wire, the route it was generated for and the mutations it carries.
 * {@link #toString()} is what a failure prints, next to the seed that replays it.
 */
record FuzzRequest(String routeKey, String method, String rawPath, String rawQuery,
                   Map<String, List<String>> headers, byte[] body, List<String> mutations) {

    URI uri() {
        return URI.create(rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
    }

    InMemoryExchange exchange() {
        return new InMemoryExchange(method, uri(), headers, body);
    }

    @Override
    public String toString() {
        String text = new String(body, StandardCharsets.UTF_8);
        String shownBody = text.length() > 300 ? text.substring(0, 300) + "…(" + body.length + " bytes)" : text;
        return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + abbreviate(rawQuery)) + " [route "
                + routeKey + "]\n  headers " + abbreviate(headers.toString()) + "\n  mutations " + mutations
                + "\n  body " + shownBody;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
    }
}
