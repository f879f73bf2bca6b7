package io.handbill.local;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RendererFeedTest {
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    private static List<String> keys(DynamodbEvent event) {
        return event.getRecords().stream()
                .map(r -> r.getEventName() + " " + r.getDynamodb().getKeys().get("pk").getS() + "/"
                        + r.getDynamodb().getKeys().get("sk").getS())
                .toList();
    }

    @Test
    void writes_reachTheRenderer_inOrder_asKeysOnlyStreamRecords() throws InterruptedException {
        try (var feed = new RendererFeed((event, context) -> {
            batches.add(keys(event));
            assertThat(event.getRecords()).allSatisfy(r -> {
                assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
                assertThat(r.getDynamodb().getStreamViewType()).isEqualTo("KEYS_ONLY");
                assertThat(r.getDynamodb().getNewImage()).isNull();
            });
            return StreamsEventResponse.builder().build();
        }, "t")) {
            feed.accept(new StreamChange(StreamChange.Kind.INSERT, "EVENT#1", "EVENT"));
            feed.accept(new StreamChange(StreamChange.Kind.INSERT, "SLUG#a", "SLUG"));
            feed.accept(new StreamChange(StreamChange.Kind.REMOVE, "EVENT#2", "EVENT"));

            assertThat(feed.awaitIdle(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(batches.stream().flatMap(List::stream))
                .containsExactly("INSERT EVENT#1/EVENT", "INSERT SLUG#a/SLUG", "REMOVE EVENT#2/EVENT");
    }

    @Test
    void reportedFailure_isRetriedFromTheFailedRecordOn() throws InterruptedException {
        var calls = new AtomicInteger();
        try (var feed = new RendererFeed((event, context) -> {
            batches.add(keys(event));
            if (calls.getAndIncrement() == 0) {
                var failed = event.getRecords().get(1).getDynamodb().getSequenceNumber();
                return StreamsEventResponse.builder().withBatchItemFailures(
                        List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(failed).build()))
                        .build();
            }
            return StreamsEventResponse.builder().build();
        }, "t")) {
            feed.accept(new StreamChange(StreamChange.Kind.INSERT, "EVENT#1", "EVENT"));
            feed.accept(new StreamChange(StreamChange.Kind.MODIFY, "EVENT#2", "EVENT"));
            feed.accept(new StreamChange(StreamChange.Kind.MODIFY, "EVENT#3", "EVENT"));

            assertThat(feed.awaitIdle(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactly("MODIFY EVENT#2/EVENT", "MODIFY EVENT#3/EVENT");
    }

    @Test
    void throwingRenderer_isRetried_thenTheBatchIsGivenUp() throws InterruptedException {
        var calls = new AtomicInteger();
        try (var feed = new RendererFeed((event, context) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("S3 is down");
        }, "t")) {
            feed.accept(new StreamChange(StreamChange.Kind.INSERT, "EVENT#1", "EVENT"));

            assertThat(feed.awaitIdle(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(calls).hasValue(4);
    }
}
