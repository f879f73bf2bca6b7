package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.http.AdminGroupConfig;
import io.handbill.model.Event;
import io.handbill.store.EventListing;
import io.handbill.store.EventStore;
import io.handbill.store.HandbillTable;
import io.handbill.store.Page;
import io.handbill.store.SiteVersion;
import io.handbill.testkit.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import static io.handbill.api.EventApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The handler against dynalite through the real DynamoDB stores: what the table holds after each step. */
class EventApiIT extends LocalAwsTest {
    private static final Instant NOW = Instant.parse("2017-09-01T10:00:00Z");

    private EventApiHandler handler;

    @BeforeEach
    void setUp() {
        this.handler = Handlers.onTable(aws, NOW);
    }

    @Test
    void createGetListUpdatePublishCancel() {
        var created = send(ApiEvents.organiser("POST", "/api/events").json(Fixtures.seedJson()));
        assertThat(created.getStatusCode()).isEqualTo(201);
        String location = created.getHeaders().get("Location");
        String id = location.substring("/api/events/".length());
        assertThat(item("EVENT#" + id, "EVENT")).containsEntry("status", AttributeValue.fromS("DRAFT"));
        assertThat(item("SLUG#" + Fixtures.SEED_SLUG, "SLUG")).containsEntry("eventId", AttributeValue.fromS(id));

        var got = send(ApiEvents.organiser("GET", location));
        assertThat(got.getStatusCode()).isEqualTo(200);
        assertThat(got.getBody()).isEqualTo(created.getBody());

        var listed = send(ApiEvents.organiser("GET", "/api/events").query(Map.of("when", "upcoming")));
        assertThat(json(listed).get("items")).extracting(item -> item.get("id").asText()).containsExactly(id);

        String edited = Fixtures.seedJson().replace("ODI Node Leeds", "ODI Node, Leeds");
        var updated = send(ApiEvents.organiser("PUT", location).header("If-Match", "\"1\"").json(edited));
        assertThat(updated.getStatusCode()).isEqualTo(200);
        var stale = send(ApiEvents.organiser("PUT", location).header("If-Match", "\"1\"").json(Fixtures.seedJson()));
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(aws.eventStore().get(id).orElseThrow().venue().name()).isEqualTo("The ODI Node, Leeds");

        var published = send(ApiEvents.organiser("POST", location + "/publish").header("If-Match", "\"2\""));
        assertThat(published.getStatusCode()).isEqualTo(200);
        assertThat(item("EVENT#" + id, "EVENT")).containsKey(HandbillTable.BY_START_PK);
        assertThat(aws.eventStore().siteVersion().value()).isEqualTo(1);

        var cancelled = send(ApiEvents.organiser("POST", location + "/cancel")
                .json("{\"reason\": \"Speaker ill <b>sorry</b>\"}"));
        assertThat(cancelled.getStatusCode()).isEqualTo(200);
        var event = aws.eventStore().get(id).orElseThrow();
        assertThat(event.status().name()).isEqualTo("CANCELLED");
        assertThat(event.cancelReason()).isEqualTo("Speaker ill <b>sorry</b>");
        assertThat(event.icsSequence()).as("venue change and cancellation").isEqualTo(2);
        assertThat(aws.eventStore().siteVersion().value()).isEqualTo(2);
    }

    @Test
    void twoConcurrentPutsWithTheSameEtag_exactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String location = send(ApiEvents.organiser("POST", "/api/events").json(SeedJson.with(n -> n
                            .remove("aliases"))))
                    .getHeaders().get("Location");
            var barrier = new CyclicBarrier(2);
            List<Callable<APIGatewayV2HTTPResponse>> edits = new ArrayList<>();
            for (String title : List.of("First editor", "Second editor")) {
                edits.add(() -> {
                    var request = ApiEvents.organiser("PUT", location).header("If-Match", "\"1\"")
                            .json(SeedJson.with(n -> n.put("title", title).remove("aliases"))).build();
                    barrier.await();
                    return handler.handleRequest(request, null);
                });
            }
            List<Integer> statuses = new ArrayList<>();
            try (var pool = new AutoClosingPool()) {
                for (var future : pool.executor.invokeAll(edits)) {
                    statuses.add(future.get().getStatusCode());
                }
            }

            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            String winner = statuses.get(0) == 200 ? "First editor" : "Second editor";
            String id = location.substring("/api/events/".length());
            assertThat(aws.eventStore().get(id).orElseThrow().title()).isEqualTo(winner);
            assertThat(aws.eventStore().get(id).orElseThrow().version()).isEqualTo(2);
        }
    }

    @Test
    void idempotentCreate_storesOneEventAndTheKeyWithATimeToLive() {
        var first = send(ApiEvents.organiser("POST", "/api/events").header("Idempotency-Key", "create-42")
                .json(Fixtures.seedJson()));
        var replay = send(ApiEvents.organiser("POST", "/api/events").header("Idempotency-Key", "create-42")
                .json(Fixtures.seedJson()));
        var otherBody = send(ApiEvents.organiser("POST", "/api/events").header("Idempotency-Key", "create-42")
                .json(Fixtures.seedJson().replace("Leeds DevOps:", "Another:")));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(replay.getStatusCode()).isEqualTo(201);
        assertThat(replay.getBody()).isEqualTo(first.getBody());
        assertThat(replay.getHeaders().get("Location")).isEqualTo(first.getHeaders().get("Location"));
        assertThat(otherBody.getStatusCode()).isEqualTo(422);
        assertThat(scan()).filteredOn(i -> i.get(HandbillTable.PK).s().startsWith("EVENT#")).hasSize(1);
        var key = item("IDEMPOTENCY#create-42", "IDEMPOTENCY");
        assertThat(Long.parseLong(key.get(HandbillTable.TTL).n()))
                .isEqualTo(NOW.plus(EventService.IDEMPOTENCY_TTL).getEpochSecond());
        assertThat(key.get("eventId").s()).isEqualTo(first.getHeaders().get("Location").substring(12));
        assertThat(key).containsKey("responseBody");
    }

    @Test
    void concurrentCreatesWithOneKey_makeOneEvent() throws Exception {
        var barrier = new CyclicBarrier(2);
        List<Callable<APIGatewayV2HTTPResponse>> creates = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            creates.add(() -> {
                var request = ApiEvents.organiser("POST", "/api/events").header("Idempotency-Key", "double-click")
                        .json(Fixtures.seedJson()).build();
                barrier.await();
                return handler.handleRequest(request, null);
            });
        }
        List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
        try (var pool = new AutoClosingPool()) {
            for (var future : pool.executor.invokeAll(creates)) {
                responses.add(future.get());
            }
        }

        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(201, 201);
        assertThat(responses.get(1).getHeaders().get("Location")).isEqualTo(responses.get(0).getHeaders().get("Location"));
        assertThat(scan()).filteredOn(i -> i.get(HandbillTable.PK).s().startsWith("EVENT#")).hasSize(1);
    }

    @Test
    void crashBetweenKeyAndEvent_retryCreatesTheEventUnderTheRecordedId() {
        var crashing = Handlers.eventApi(new CrashingOnCreate(aws.eventStore()),
                new DynamoDbIdempotencyStore(aws.dynamoDb(), aws.tableName()), Clock.fixed(NOW, ZoneOffset.UTC));
        var request = ApiEvents.organiser("POST", "/api/events").header("Idempotency-Key", "crash-1")
                .json(Fixtures.seedJson());
        assertThat(crashing.handleRequest(request.build(), null).getStatusCode()).isEqualTo(500);
        String recordedId = item("IDEMPOTENCY#crash-1", "IDEMPOTENCY").get("eventId").s();

        var retried = send(ApiEvents.organiser("POST", "/api/events").header("Idempotency-Key", "crash-1")
                .json(Fixtures.seedJson()));

        assertThat(retried.getStatusCode()).isEqualTo(201);
        assertThat(retried.getHeaders()).containsEntry("Location", "/api/events/" + recordedId);
        assertThat(aws.eventStore().get(recordedId)).isPresent();
        assertThat(scan()).filteredOn(i -> i.get(HandbillTable.PK).s().startsWith("EVENT#")).hasSize(1);
    }

    @Test
    void xssInText_isStoredVerbatimAndServedAsJsonOnly() {
        String title = "<script>alert(1)</script> & \"friends\"";
        var body = SeedJson.with(n -> n.put("title", title));

        var created = send(ApiEvents.organiser("POST", "/api/events").json(body));

        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders()).containsEntry("Content-Type", "application/json")
                .containsEntry("X-Content-Type-Options", "nosniff");
        JsonNode event = json(created);
        assertThat(event.get("title").asText()).isEqualTo(title);
        assertThat(event.get("slug").asText()).isEqualTo("2017-09-26-script-alert-1-script-friends");
    }

    @Test
    void priming_readsTheTableAndWritesNothing() {
        Priming.run(handler, AdminGroupConfig.DEFAULT);

        assertThat(scan()).isEmpty();
    }

    private APIGatewayV2HTTPResponse send(ApiEvents request) {
        return handler.handleRequest(request.build(), null);
    }

    private Map<String, AttributeValue> item(String pk, String sk) {
        return aws.dynamoDb().getItem(r -> r.tableName(aws.tableName()).consistentRead(true)
                .key(Map.of(HandbillTable.PK, AttributeValue.fromS(pk), HandbillTable.SK, AttributeValue.fromS(sk))))
                .item();
    }

    private List<Map<String, AttributeValue>> scan() {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)).items()
                .stream().toList();
    }

    /** The real store, except that every create dies as a crashed Lambda would, after the idempotency write. */
    private record CrashingOnCreate(EventStore delegate) implements EventStore {
        @Override
        public void create(Event event) {
            throw new IllegalStateException("simulated crash");
        }

        @Override
        public Optional<Event> get(String id) {
            return delegate.get(id);
        }

        @Override
        public Optional<Event> findBySlug(String slug) {
            return delegate.findBySlug(slug);
        }

        @Override
        public Optional<Event> findByAlias(String key) {
            return delegate.findByAlias(key);
        }

        @Override
        public void update(Event next) {
            delegate.update(next);
        }

        @Override
        public void delete(String id, long expectedVersion) {
            delegate.delete(id, expectedVersion);
        }

        @Override
        public Page<Event> list(EventListing listing) {
            return delegate.list(listing);
        }

        @Override
        public Page<Event> listPublic(Instant from, Instant to, String cursor, int limit) {
            return delegate.listPublic(from, to, cursor, limit);
        }

        @Override
        public SiteVersion siteVersion() {
            return delegate.siteVersion();
        }

        @Override
        public SiteVersion bumpSiteVersion(Instant now) {
            return delegate.bumpSiteVersion(now);
        }
    }

    private static final class AutoClosingPool implements AutoCloseable {
        final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(2);

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
