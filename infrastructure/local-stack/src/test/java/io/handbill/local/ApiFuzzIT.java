package io.handbill.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of every route of the HTTP API, through the local API Gateway and the real handlers on
 * the emulators (the local stack with its sample events): generated requests for {@code fuzz.seconds} (default
 * 30; {@code -Pfuzz} soaks longer), each checked by {@link ResponseChecks} and, when refused (4xx), for an
 * unchanged table and bucket: a digest of both ({@link StoredState}) whenever the local stream carried a write
 * during the request (the functions' every write is one stream record; the bucket only changes behind it), and
 * every {@value #SPOT_CHECK_EVERY}th request regardless. The seed is printed; {@code -Dfuzz.seed=N} replays the
 * same sequence of requests.
 */
class ApiFuzzIT {
    private static final String TOKEN = "fuzz-admin-token";
    private static final int MAX_REPORTED = 12;
    private static final int SPOT_CHECK_EVERY = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static LocalStack stack;
    private static ApiGateway gateway;
    private static StoredState stored;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(new LocalOptions(0, null, TOKEN, true));
        LocalServices services = stack.services();
        gateway = new ApiGateway(LocalFunctions.http(services), new AdminToken(TOKEN));
        stored = new StoredState(services.dynamoDb(), LocalStack.TABLE, services.s3(), LocalStack.BUCKET);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyRoute_keepsItsPropertiesUnderGeneratedRequests() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Duration budget = Duration.ofSeconds(Long.getLong("fuzz.seconds", 30));
        System.out.println("[fuzz] seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), budget " + budget);
        var known = new KnownEvents();
        send(new FuzzRequest("GET /api/events", "GET", "/api/events", "limit=100",
                Map.of("Authorization", List.of("Bearer " + TOKEN)), new byte[0], List.of()), known);
        var generator = new RequestGenerator(new java.util.Random(seed), ApiRoutes.ROUTES, known, TOKEN);

        Map<String, Integer> byStatus = new TreeMap<>();
        Map<String, Integer> byRoute = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        int requests = 0;
        int serverErrors = 0;
        long checks = 0;
        StoredState.Digest before = stored.digest();
        boolean beforeIsStale = false;
        int digests = 1;
        while (System.nanoTime() < deadline && failures.size() < MAX_REPORTED) {
            if (beforeIsStale) {
                before = stored.digest();
                digests++;
                beforeIsStale = false;
            }
            FuzzRequest request = generator.next();
            long writes = stack.streamRecords();
            Answer answer = send(request, known);
            assertThat(stack.awaitRendered(Duration.ofSeconds(30))).as("renderer idle").isTrue();
            boolean wrote = stack.streamRecords() != writes;
            requests++;
            byStatus.merge(Integer.toString(answer.status()), 1, Integer::sum);
            byRoute.merge(request.routeKey(), 1, Integer::sum);
            serverErrors += answer.status() >= 500 ? 1 : 0;
            List<String> broken = new ArrayList<>(ResponseChecks.violations(request, answer.status(),
                    answer.contentType(), answer.body()));
            checks += ResponseChecks.PROPERTIES;
            if (answer.status() >= 400) {
                checks++;
                // no stream record means no write; a digest now and then checks that shortcut too
                if (wrote || requests % SPOT_CHECK_EVERY == 0) {
                    StoredState.Digest after = stored.digest();
                    digests++;
                    if (!after.equals(before)) {
                        broken.add("refused with " + answer.status() + " but the table or bucket changed ("
                                + before.items() + " -> " + after.items() + " items, " + before.objects() + " -> "
                                + after.objects() + " objects)");
                    }
                    before = after;
                }
            } else {
                beforeIsStale |= wrote;
            }
            if (!broken.isEmpty()) {
                failures.add("request #" + requests + " -> " + answer.status() + " " + broken + "\n  " + request
                        + "\n  answer " + abbreviate(new String(answer.body(), StandardCharsets.UTF_8)));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("[fuzz] %d requests over %d routes in %.1f s (%.0f/s), %d property checks, %d 5xx, "
                        + "%d events known, %d items and %d objects stored at the end%n", requests, byRoute.size(),
                millis / 1000.0, requests * 1000.0 / Math.max(millis, 1), checks, serverErrors, known.size(),
                before.items(), before.objects());
        System.out.println("[fuzz] statuses " + byStatus + "; " + digests + " table+bucket digests");
        System.out.println("[fuzz] routes " + byRoute);
        assertThat(byRoute.keySet()).as("every route was fuzzed")
                .containsExactlyInAnyOrderElementsOf(ApiRoutes.ROUTES.stream().map(ApiRoute::routeKey).toList());
        assertThat(failures).as("properties broken (seed %d; replay with -Dfuzz.seed=%d)", seed, seed).isEmpty();
    }

    private record Answer(int status, String contentType, byte[] body) {
    }

    private static Answer send(FuzzRequest request, KnownEvents known) {
        InMemoryExchange exchange = request.exchange();
        try {
            gateway.handle(exchange);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String contentType = exchange.getResponseHeaders().getFirst("Content-Type");
        if (request.rawPath().startsWith("/api/events") && exchange.status() < 300
                && contentType != null && contentType.startsWith("application/json")) {
            known.learn(exchange.status(), exchange.getResponseHeaders().getFirst("ETag"), json(exchange.body()));
        }
        return new Answer(exchange.status(), contentType, exchange.body());
    }

    private static JsonNode json(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

}
