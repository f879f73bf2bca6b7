package io.handbill.local.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The local stack's admin token, as its admin form gets it: {@code /admin/config.json}, served to localhost only.
 * Saves copying the random token the stack prints at start.
 */
final class LocalStackToken {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private LocalStackToken() {
    }

    static boolean isLocal(URI api) {
        return LOCAL_HOSTS.contains(api.getHost());
    }

    static Optional<String> ask(HttpClient http, URI api) {
        if (!isLocal(api)) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/admin/config.json"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode token = Json.MAPPER.readTree(response.body()).path("token");
            return token.isTextual() ? Optional.of(token.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
