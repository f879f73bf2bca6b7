package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.store.HandbillTable;
import io.handbill.testkit.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static io.handbill.api.EventApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many organisers creating events at the same instant, through the handler on dynalite: a slug or an alias is held
 * by exactly one event whatever the interleaving. Each case runs {@value #CONCURRENT} creates released together by a barrier,
 * {@value #ROUNDS} times.
 */
class EventApi_ConcurrentClaimsIT extends LocalAwsTest {
    private static final Instant NOW = Instant.parse("2017-09-01T10:00:00Z");
    private static final int CONCURRENT = 20;
    private static final int ROUNDS = 3;

    private EventApiHandler handler;

    @BeforeEach
    void setUp() {
        handler = Handlers.onTable(aws, NOW);
    }

    @Test
    void concurrentCreatesWithOneExplicitSlug_exactlyOneIsCreated() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String slug = "race-" + round;
            List<APIGatewayV2HTTPResponse> responses = concurrently(i -> create(SeedJson.with(n -> n
                    .put("slug", slug).put("title", "Racer " + i).remove("aliases"))));

            assertThat(statuses(responses)).as("round %d", round)
                    .containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
            assertThat(eventItems()).filteredOn(e -> e.get("slug").s().equals(slug)).as("round %d", round)
                    .hasSize(1);
        }
    }

    @Test
    void concurrentCreatesWithOneTitleAndDate_getDistinctGeneratedSlugs() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String title = "Same night " + round;
            List<APIGatewayV2HTTPResponse> responses = concurrently(i -> create(SeedJson.with(n -> n
                    .put("title", title).remove("aliases"))));

            assertThat(statuses(responses)).as("round %d", round).containsOnly(201);
            List<String> slugs = responses.stream().map(r -> json(r).get("slug").asText()).toList();
            assertThat(slugs).as("round %d", round).doesNotHaveDuplicates();
            for (APIGatewayV2HTTPResponse response : responses) {
                String slug = json(response).get("slug").asText();
                assertThat(claimOwner("SLUG#" + slug, "SLUG")).isEqualTo(json(response).get("id").asText());
            }
        }
        assertThat(eventItems()).extracting(e -> e.get("slug").s()).doesNotHaveDuplicates()
                .hasSize(CONCURRENT * ROUNDS);
    }

    @Test
    void concurrentCreatesWithOneAlias_exactlyOneRedirectsFromIt() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            int r = round;
            String alias = "/old/race-" + r;
            List<APIGatewayV2HTTPResponse> responses = concurrently(i -> create(SeedJson.with(n -> {
                n.put("slug", "alias-race-" + r + "-" + i);
                // spelt differently by each racer, one object for all
                n.putArray("aliases").add(i % 2 == 0 ? alias : alias + "/");
            })));

            assertThat(statuses(responses)).as("round %d", round)
                    .containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
            assertThat(responses).filteredOn(r2 -> r2.getStatusCode() == 409)
                    .allSatisfy(refused -> assertThat(json(refused).get("errors").findValuesAsText("field"))
                            .containsExactly("aliases[0]"));
            String winner = responses.stream().filter(r2 -> r2.getStatusCode() == 201).findFirst()
                    .map(r2 -> json(r2).get("id").asText()).orElseThrow();
            assertThat(claimOwner("ALIAS#old/race-" + r + "/index.html", "ALIAS")).isEqualTo(winner);
            assertThat(eventItems()).filteredOn(e -> e.get("slug").s().startsWith("alias-race-" + r + "-"))
                    .hasSize(1);
        }
    }

    private List<APIGatewayV2HTTPResponse> concurrently(IntFunction<APIGatewayV2HTTPEvent> requests)
            throws Exception {
        var barrier = new CyclicBarrier(CONCURRENT);
        List<Callable<APIGatewayV2HTTPResponse>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT; i++) {
            APIGatewayV2HTTPEvent request = requests.apply(i);
            calls.add(() -> {
                barrier.await();
                return handler.handleRequest(request, null);
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
        try {
            List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
            for (Future<APIGatewayV2HTTPResponse> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static APIGatewayV2HTTPEvent create(String body) {
        return ApiEvents.organiser("POST", "/api/events").json(body).build();
    }

    private static List<Integer> statuses(List<APIGatewayV2HTTPResponse> responses) {
        return responses.stream().map(APIGatewayV2HTTPResponse::getStatusCode).toList();
    }

    private List<Map<String, AttributeValue>> eventItems() {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)).items().stream()
                .filter(i -> i.get(HandbillTable.PK).s().startsWith("EVENT#") && i.containsKey("doc")).toList();
    }

    private String claimOwner(String pk, String sk) {
        var item = aws.dynamoDb().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of(HandbillTable.PK, AttributeValue.fromS(pk), HandbillTable.SK, AttributeValue.fromS(sk))))
                .item();
        return item.isEmpty() ? null : item.get("eventId").s();
    }
}
