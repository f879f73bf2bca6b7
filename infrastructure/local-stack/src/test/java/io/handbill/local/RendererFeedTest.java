package io.handbill.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.handbill.local.StreamChange.Kind.INSERT;
import static io.handbill.local.StreamChange.Kind.MODIFY;
import static io.handbill.local.StreamChange.Kind.REMOVE;
import static org.assertj.core.api.Assertions.assertThat;

class RendererFeedTest {
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();

    private static List<String> keys(DynamodbEvent event) {
        return event.getRecords().stream()
                .map(r -> r.getEventName() + " " + r.getDynamodb().getKeys().get("pk").getS() + "/"
                        + r.getDynamodb().getKeys().get("sk").getS())
                .toList();
    }

    /** Feeds {@code changes} to {@code renderer} and waits until the feed has delivered (or given up on) them all. */
    private static void deliver(RequestHandler<DynamodbEvent, StreamsEventResponse> renderer, Duration idleWithin,
                                StreamChange... changes) throws InterruptedException {
        try (var feed = new RendererFeed(renderer, "t")) {
            for (StreamChange change : changes) {
                feed.accept(change);
            }
            assertThat(feed.awaitIdle(idleWithin)).isTrue();
        }
    }

    @Test
    void writes_reachTheRenderer_inOrder_asKeysOnlyStreamRecords() throws InterruptedException {
        deliver((event, context) -> {
            batches.add(keys(event));
            assertThat(event.getRecords()).allSatisfy(r -> {
                assertThat(r.getEventSource()).isEqualTo("aws:dynamodb");
                assertThat(r.getDynamodb().getStreamViewType()).isEqualTo("KEYS_ONLY");
                assertThat(r.getDynamodb().getNewImage()).isNull();
            });
            return StreamsEventResponse.builder().build();
        }, Duration.ofSeconds(5), new StreamChange(INSERT, "EVENT#1", "EVENT"),
                new StreamChange(INSERT, "SLUG#a", "SLUG"), new StreamChange(REMOVE, "EVENT#2", "EVENT"));
        assertThat(batches.stream().flatMap(List::stream))
                .containsExactly("INSERT EVENT#1/EVENT", "INSERT SLUG#a/SLUG", "REMOVE EVENT#2/EVENT");
    }

    @Test
    void reportedFailure_isRetriedFromTheFailedRecordOn() throws InterruptedException {
        var calls = new AtomicInteger();
        deliver((event, context) -> {
            batches.add(keys(event));
            if (calls.getAndIncrement() == 0) {
                var failed = event.getRecords().get(1).getDynamodb().getSequenceNumber();
                return StreamsEventResponse.builder().withBatchItemFailures(
                        List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(failed).build()))
                        .build();
            }
            return StreamsEventResponse.builder().build();
        }, Duration.ofSeconds(5), new StreamChange(INSERT, "EVENT#1", "EVENT"),
                new StreamChange(MODIFY, "EVENT#2", "EVENT"), new StreamChange(MODIFY, "EVENT#3", "EVENT"));
        assertThat(batches).hasSize(2);
        assertThat(batches.get(1)).containsExactly("MODIFY EVENT#2/EVENT", "MODIFY EVENT#3/EVENT");
    }

    @Test
    void throwingRenderer_isRetried_thenTheBatchIsGivenUp() throws InterruptedException {
        var calls = new AtomicInteger();
        deliver((event, context) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("S3 is down");
        }, Duration.ofSeconds(10), new StreamChange(INSERT, "EVENT#1", "EVENT"));
        assertThat(calls).hasValue(4);
    }
}
