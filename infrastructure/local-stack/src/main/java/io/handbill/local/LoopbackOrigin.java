package io.handbill.local;

import com.sun.net.httpserver.HttpExchange;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The stack answers only to its own loopback names, so a page on another site cannot reach it by DNS rebinding
 * (its requests carry that site's name in {@code Host}); and state-changing requests from a browser must come from
 * one of its own pages ({@code Origin}), so another site cannot post to it either. Clients that send no
 * {@code Origin} (curl, the importer) are not browsers and pass.
 */
final class LoopbackOrigin {
    private final Set<String> hosts;

    LoopbackOrigin(int port) {
        this.hosts = port == 80 ? Set.of("localhost", "127.0.0.1", "[::1]", "localhost:80", "127.0.0.1:80",
                "[::1]:80") : Set.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port);
    }

    /** Whether the request names this stack in its one {@code Host} header. */
    boolean hostAllowed(HttpExchange exchange) {
        List<String> host = exchange.getRequestHeaders().get("Host");
        return host != null && host.size() == 1 && hosts.contains(host.get(0).strip().toLowerCase(Locale.ROOT));
    }

    /** Whether a state-changing request comes from one of the stack's own pages, or not from a browser at all. */
    boolean originAllowed(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return true;
        }
        List<String> origin = exchange.getRequestHeaders().get("Origin");
        String fetchSite = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (origin == null) {
            return !"cross-site".equals(fetchSite);
        }
        String value = origin.get(0).strip().toLowerCase(Locale.ROOT);
        if (origin.size() == 1 && value.equals("null")) {
            // a form on a page sent with Referrer-Policy: no-referrer (the functions' pages, such as the RSVP
            // confirm and cancel buttons) posts "Origin: null"; the browser's own Sec-Fetch-Site still tells
            return "same-origin".equals(fetchSite);
        }
        return origin.size() == 1 && value.startsWith("http://") && hosts.contains(value.substring(7));
    }
}
