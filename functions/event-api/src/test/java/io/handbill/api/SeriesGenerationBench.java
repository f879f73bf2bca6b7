package io.handbill.api;

import io.handbill.json.Json;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints how long creating a series with 24 occurrences takes against dynalite and how many DynamoDB requests of
 * each kind it makes, then the same for a daily refresh with nothing to do. Not part of {@code mvn verify}; run with
 * {@code mvn -B -pl functions/event-api -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=SeriesGenerationBench -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(LocalAwsExtension.class)
class SeriesGenerationBench {

    @Test
    void generate24Occurrences(LocalAws aws) throws Exception {
        var calls = new ConcurrentHashMap<String, AtomicInteger>();
        ExecutionInterceptor counting = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                calls.computeIfAbsent(context.request().getClass().getSimpleName().replace("Request", ""),
                        k -> new AtomicInteger()).incrementAndGet();
            }
        };
        var config = EventApiConfig.from(Map.of("EVENTS_TABLE", aws.tableName()));
        var handler = new EventApiHandler(config, aws.dynamoDbWith(counting),
                Clock.fixed(Instant.parse("2027-01-15T10:00:00Z"), ZoneOffset.UTC));
        // warm up the JVM and the emulator on another series
        handler.handleRequest(ApiEvents.organiser("POST", "/api/series").json(SeriesApiIT.monthly(24)).build(), null);
        calls.clear();

        var body = Json.MAPPER.readTree(SeriesApiIT.monthly(24));
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("title", "Leeds DevOps Socials");
        long started = System.nanoTime();
        var response = handler.handleRequest(ApiEvents.organiser("POST", "/api/series").json(Json.write(body))
                .build(), null);
        long createMs = (System.nanoTime() - started) / 1_000_000;
        if (response.getStatusCode() != 201) {
            throw new AssertionError(response.getBody());
        }
        print("create + 24 occurrences", createMs, calls);

        calls.clear();
        var refresh = new com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent();
        refresh.setRouteKey(EventApiHandler.REFRESH_SERIES);
        started = System.nanoTime();
        handler.handleRequest(refresh, null);
        print("daily refresh of 2 series, nothing new", (System.nanoTime() - started) / 1_000_000, calls);
    }

    private static void print(String what, long ms, Map<String, AtomicInteger> calls) {
        var sorted = new TreeMap<String, Integer>();
        calls.forEach((k, v) -> sorted.put(k, v.get()));
        int writes = sorted.entrySet().stream().filter(e -> e.getKey().matches("Put.*|Update.*|Delete.*"))
                .mapToInt(Map.Entry::getValue).sum();
        System.out.printf("%s: %d ms, %d writes, requests %s%n", what, ms, writes, sorted);
    }
}
