package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.fixtures.Fixtures;
import io.handbill.store.HandbillTable;
import io.handbill.testkit.FaultInjector;
import io.handbill.testkit.FaultInjector.Fault;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event API's writes under injected DynamoDB faults, each write of a request in turn, each kind of fault, once
 * (the SDK's retry meets it) and as often as the client tries (the handler meets it). The organiser's client then
 * retries as a browser would: the same request with the same Idempotency-Key or If-Match, at most three times.
 * Outcome: the request succeeds, or fails with a retryable 5xx until a retry succeeds; never a misleading 4xx,
 * never two events or a lost write.
 */
class EventApi_FaultsIT extends LocalAwsTest {
    private static final Instant NOW = Instant.parse("2017-09-01T10:00:00Z");
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem");
    private static final int CLIENT_TRIES = 3;

    /** One write of a request: the {@code nth} attempt of {@code operation} the request makes. */
    record Write(String operation, int nth) {
    }

    private static final Map<String, Integer> INJECTED = new java.util.TreeMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger CASES_HELD =
            new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void report() {
        System.out.println("[faults] event-api create with Idempotency-Key: " + CASES_HELD + " cases with one "
                + "event and no lost create; injected " + INJECTED);
    }

    @TestFactory
    Stream<DynamicTest> createWithIdempotencyKey_underEveryFault_leavesExactlyOneEvent() {
        List<Write> writes = writesOf(handler -> create(handler, "learn"));
        assertThat(writes).as("reserve key, claim slug, put event, complete key").hasSizeGreaterThanOrEqualTo(4);
        List<DynamicTest> tests = new ArrayList<>();
        for (Write write : writes) {
            for (Fault fault : Fault.values()) {
                for (int times : new int[]{1, LocalAws.FaultyClients.ATTEMPTS}) {
                    tests.add(DynamicTest.dynamicTest(write + " " + fault + " x" + times, () -> {
                        aws.reset();
                        var faults = new FaultInjector().inject(fault, write.operation(), write.nth(), times);
                        var handler = handler(faults);
                        List<APIGatewayV2HTTPResponse> answers = untilSuccess(() -> create(handler, "key-1"));

                        APIGatewayV2HTTPResponse last = answers.get(answers.size() - 1);
                        assertThat(last.getStatusCode()).as(statuses(answers)).isEqualTo(201);
                        answers.subList(0, answers.size() - 1).forEach(failed ->
                                assertThat(failed.getStatusCode()).as("a failed try is a retryable 5xx: " + failed.getBody())
                                        .isGreaterThanOrEqualTo(500));
                        assertThat(items("EVENT#")).as("events stored").hasSize(1);
                        assertThat(items("SLUG#")).as("slug claims").hasSize(1);
                        assertThat(items("SLUG#").get(0).get("eventId").s())
                                .isEqualTo(items("EVENT#").get(0).get(HandbillTable.PK).s().substring(6));
                        assertThat(last.getHeaders().get("Location"))
                                .endsWith(items("EVENT#").get(0).get(HandbillTable.PK).s().substring(6));
                        assertThat(faults.injected()).isNotEmpty();
                        faults.injected().forEach((kind, count) -> INJECTED.merge(kind, count, Integer::sum));
                        CASES_HELD.incrementAndGet();
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> publishAndEdit_underAppliedThenLostWrites_succeedOnce() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            tests.add(DynamicTest.dynamicTest("publish, event write " + fault, () -> {
                aws.reset();
                String id = location(create(handler(new FaultInjector()), null)).substring("/api/events/".length());
                var faults = new FaultInjector().inject(fault, "PutItem", 1, 1);
                var answer = handler(faults).handleRequest(ApiEvents.organiser("POST", "/api/events/" + id
                        + "/publish").header("If-Match", "\"1\"").build(), null);

                assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(200);
                assertThat(items("EVENT#").get(0).get("status").s()).isEqualTo("PUBLISHED");
                assertThat(items("EVENT#").get(0).get("version").n()).isEqualTo("2");
            }));
            tests.add(DynamicTest.dynamicTest("delete draft, delete " + fault, () -> {
                aws.reset();
                String id = location(create(handler(new FaultInjector()), null)).substring("/api/events/".length());
                var faults = new FaultInjector().inject(fault, "DeleteItem", 1, 1);
                var answer = handler(faults).handleRequest(ApiEvents.organiser("DELETE", "/api/events/" + id)
                        .header("If-Match", "\"1\"").build(), null);

                assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(204);
                assertThat(items("EVENT#")).isEmpty();
                assertThat(items("SLUG#")).as("the slug is free again").isEmpty();
            }));
        }
        return tests.stream();
    }

    private EventApiHandler handler(FaultInjector faults) {
        return new EventApiHandler(EventApiConfig.from(Map.of("EVENTS_TABLE", aws.tableName())),
                aws.withFaults(faults).dynamoDb(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static APIGatewayV2HTTPResponse create(EventApiHandler handler, String idempotencyKey) {
        var request = ApiEvents.organiser("POST", "/api/events").json(Fixtures.seedJson());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return handler.handleRequest(request.build(), null);
    }

    private List<Write> writesOf(java.util.function.Function<EventApiHandler, APIGatewayV2HTTPResponse> request) {
        aws.reset();
        var recorder = new FaultInjector();
        assertThat(request.apply(handler(recorder)).getStatusCode()).isEqualTo(201);
        Map<String, Integer> seen = new HashMap<>();
        List<Write> writes = new ArrayList<>();
        for (String call : recorder.calls()) {
            String operation = call.substring(call.indexOf('.') + 1);
            int nth = seen.merge(operation, 1, Integer::sum);
            if (WRITES.contains(operation)) {
                writes.add(new Write(operation, nth));
            }
        }
        return writes;
    }

    private static List<APIGatewayV2HTTPResponse> untilSuccess(
            java.util.function.Supplier<APIGatewayV2HTTPResponse> request) {
        List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
        do {
            answers.add(request.get());
        } while (answers.get(answers.size() - 1).getStatusCode() >= 500 && answers.size() < CLIENT_TRIES);
        return answers;
    }

    private static String statuses(List<APIGatewayV2HTTPResponse> answers) {
        return answers.stream().map(a -> a.getStatusCode() + " " + a.getBody()).toList().toString();
    }

    private static String location(APIGatewayV2HTTPResponse created) {
        assertThat(created.getStatusCode()).isEqualTo(201);
        return created.getHeaders().get("Location");
    }

    private List<Map<String, AttributeValue>> items(String prefix) {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(aws.tableName())).items().stream()
                .filter(item -> item.get(HandbillTable.PK).s().startsWith(prefix)).toList();
    }
}
