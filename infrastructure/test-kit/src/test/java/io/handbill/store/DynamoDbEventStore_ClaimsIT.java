package io.handbill.store;

import io.handbill.fixtures.Drafts;
import io.handbill.model.Event;
import io.handbill.testkit.LocalAwsTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The slug and alias claims under the interleavings a crash or a stalled request produces: an event write held back
 * (or dropped) between its claim and its put, while another event wants the name.
 */
class DynamoDbEventStore_ClaimsIT extends LocalAwsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration IN_FLIGHT = Duration.ofMinutes(1);

    @Test
    void crashBetweenClaimAndWrite_retryOfTheSameCreateFinishesIt() {
        Event crashed = event("crashed", "2026-07-01-crashed", List.of("/old/crashed"));
        assertThatThrownBy(() -> storeThat(new DropsEventPut("crashed"), NOW).create(crashed))
                .hasMessageContaining("simulated crash");
        assertThat(store(NOW).get("crashed")).isEmpty();

        store(NOW).create(crashed);

        assertThat(store(NOW).findBySlug("2026-07-01-crashed")).contains(crashed);
        assertThat(store(NOW).findByAlias("old/crashed/index.html")).contains(crashed);
    }

    @Test
    void crashBetweenClaimAndWrite_blocksTheNameOnlyWhileTheRequestCouldRun_thenTheCrashedCreateCannotLand() {
        Event crashed = event("crashed", "2026-07-01-crashed", List.of("/old/crashed"));
        assertThatThrownBy(() -> storeThat(new DropsEventPut("crashed"), NOW).create(crashed))
                .hasMessageContaining("simulated crash");
        Event rival = event("rival", "2026-07-01-crashed", List.of("/old/crashed"));

        assertThatThrownBy(() -> store(NOW.plusSeconds(30)).create(rival)).isInstanceOf(SlugTakenException.class);
        store(NOW.plus(IN_FLIGHT).plusSeconds(1)).create(rival);

        assertThat(store(NOW).findBySlug("2026-07-01-crashed")).contains(rival);
        assertThat(store(NOW).findByAlias("old/crashed/index.html")).contains(rival);
        // the crashed request's retry (same id) is refused: its claim was fenced and taken over
        assertThatThrownBy(() -> store(NOW.plus(IN_FLIGHT).plusSeconds(2)).create(crashed))
                .isInstanceOf(SlugTakenException.class);
        assertThat(store(NOW).get("crashed")).isEmpty();
        assertThat(eventItemsHolding("2026-07-01-crashed")).containsExactly("rival");
    }

    @Test
    void stalledCreate_isFencedWhenItsClaimIsTakenOver_andItsLateWriteFails() throws Exception {
        Event stalled = event("stalled", "2026-07-01-stalled", List.of());

        assertTakenOverWhileHeld("stalled", store -> store.create(stalled),
                event("rival", "2026-07-01-stalled", List.of()));

        assertThat(store(NOW).get("stalled")).isEmpty();
        assertThat(eventItemsHolding("2026-07-01-stalled")).containsExactly("rival");
    }

    @Test
    void stalledRename_isFencedWhenItsClaimIsTakenOver_andItsLateWriteFails() throws Exception {
        Event draft = event("draft", "2026-07-01-draft", List.of());
        store(NOW).create(draft);
        Event renamed = draft.edit(draft.draft().withSlug("2026-07-01-wanted"), NOW);

        assertTakenOverWhileHeld("draft", store -> store.update(renamed),
                event("rival", "2026-07-01-wanted", List.of()));

        assertThat(store(NOW).get("draft")).contains(draft);
        assertThat(store(NOW).findBySlug("2026-07-01-draft")).contains(draft);
    }

    @Test
    void stalledCreate_withinTheWait_keepsItsName() throws Exception {
        Event slow = event("slow", "2026-07-01-slow", List.of("/old/slow"));

        CompletableFuture<Void> late = heldWhile("slow", store -> store.create(slow),
                () -> assertThatThrownBy(() -> store(NOW.plusSeconds(5)).create(event("rival", "2026-07-01-other",
                        List.of("/old/slow")))).isInstanceOf(AliasTakenException.class));

        assertThat(late).succeedsWithin(Duration.ofSeconds(10));
        assertThat(store(NOW).findByAlias("old/slow/index.html")).contains(slow);
    }

    @Test
    void removedAlias_isFreed_andAnotherEventCanTakeIt_butNotOneStillInUse() {
        Event first = event("first", "2026-07-01-first", List.of("/old/one", "/old/two/"));
        store(NOW).create(first);
        assertThatThrownBy(() -> store(NOW).create(event("second", "2026-07-01-second", List.of("/old/two"))))
                .isInstanceOf(AliasTakenException.class)
                .satisfies(e -> assertThat(((AliasTakenException) e).index()).isZero());

        store(NOW).update(first.edit(first.draft().toBuilder().aliases(List.of("/old/one")).build(), NOW));
        Event second = event("second", "2026-07-01-second", List.of("/old/two"));
        store(NOW).create(second);

        assertThat(store(NOW).findByAlias("old/two/index.html")).contains(second);
        assertThat(store(NOW).findByAlias("old/one/index.html")).get().extracting(Event::id).isEqualTo("first");
    }

    @Test
    void concurrentCreatesOfOneSlug_withNoWait_eachFencingTheOthers_leaveAtMostOneHolder() throws Exception {
        // no wait: every contender may fence every pending create, the harshest interleaving for the fence
        for (int round = 0; round < 3; round++) {
            String slug = "2026-07-01-fenced-" + round;
            int contenders = 20;
            var barrier = new CyclicBarrier(contenders);
            ExecutorService pool = Executors.newFixedThreadPool(contenders);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            try {
                for (int i = 0; i < contenders; i++) {
                    Event event = event("r" + round + "-" + i, slug, List.of("/old/fenced-" + round));
                    outcomes.add(pool.submit(() -> {
                        barrier.await();
                        try {
                            storeWithNoWait().create(event);
                            return true;
                        } catch (SlugTakenException | AliasTakenException e) {
                            return false;
                        }
                    }));
                }
                List<Boolean> created = new ArrayList<>();
                for (Future<Boolean> outcome : outcomes) {
                    created.add(outcome.get(60, TimeUnit.SECONDS));
                }

                // safety, not liveness: with no wait, contenders may fence each other until none wins (each caller
                // then retries), but never may two of them hold the slug
                long winners = created.stream().filter(Boolean::booleanValue).count();
                assertThat(winners).as("round %d", round).isLessThanOrEqualTo(1);
                List<String> holders = eventItemsHolding(slug);
                assertThat(holders).as("round %d", round).hasSize((int) winners);
                if (winners == 1) {
                    assertThat(store(NOW).findBySlug(slug)).get().extracting(Event::id).isEqualTo(holders.get(0));
                    assertThat(store(NOW).findByAlias("old/fenced-" + round + "/index.html")).get()
                            .extracting(Event::id).isEqualTo(holders.get(0));
                } else {
                    assertThat(store(NOW).findBySlug(slug)).isEmpty();
                    assertThat(store(NOW).findByAlias("old/fenced-" + round + "/index.html")).isEmpty();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private DynamoDbEventStore store(Instant now) {
        return new DynamoDbEventStore(aws.dynamoDb(), aws.tableName(), Clock.fixed(now, ZoneOffset.UTC), IN_FLIGHT);
    }

    private DynamoDbEventStore storeWithNoWait() {
        return new DynamoDbEventStore(aws.dynamoDb(), aws.tableName(), Clock.systemUTC(), Duration.ZERO);
    }

    private DynamoDbEventStore storeThat(ExecutionInterceptor interceptor, Instant now) {
        return new DynamoDbEventStore(aws.dynamoDbWith(interceptor), aws.tableName(), Clock.fixed(now, ZoneOffset.UTC),
                IN_FLIGHT);
    }

    /**
     * While {@code write} of event {@code eventId} is held before its put, {@code rival} is created once the write's
     * slug claim has lapsed and takes the slug over; the held write, let go, then fails on the fence.
     */
    private void assertTakenOverWhileHeld(String eventId, Consumer<DynamoDbEventStore> write, Event rival)
            throws InterruptedException {
        CompletableFuture<Void> late = heldWhile(eventId, write,
                () -> store(NOW.plus(IN_FLIGHT).plusSeconds(1)).create(rival));

        assertThat(late).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                .withCauseInstanceOf(SlugTakenException.class);
        assertThat(store(NOW).findBySlug(rival.slug())).contains(rival);
    }

    /**
     * Starts {@code write} on a store that holds its put of event {@code eventId} back, runs {@code meanwhile} while
     * it is held, then lets it go on: the held write's outcome.
     */
    private CompletableFuture<Void> heldWhile(String eventId, Consumer<DynamoDbEventStore> write, Runnable meanwhile)
            throws InterruptedException {
        var stall = new HoldsEventPut(eventId);
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> write.accept(storeThat(stall, NOW)));
        stall.awaitHeld();
        try {
            meanwhile.run();
        } finally {
            stall.release();
        }
        return late;
    }

    private List<String> eventItemsHolding(String slug) {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)).items().stream()
                .filter(i -> i.containsKey("doc") && slug.equals(i.get("slug").s()))
                .map(i -> i.get(HandbillTable.PK).s().substring("EVENT#".length())).toList();
    }

    private static Event event(String id, String slug, List<String> aliases) {
        return Event.create(id, Drafts.seed().slug(slug).aliases(aliases).build(), NOW);
    }

    private static boolean isEventPut(Object request, String eventId) {
        return request instanceof PutItemRequest put
                && AttributeValue.fromS("EVENT#" + eventId).equals(put.item().get(HandbillTable.PK));
    }

    /** The request dies, as a Lambda would, after its claims and before its event write. */
    private record DropsEventPut(String eventId) implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (isEventPut(context.request(), eventId)) {
                throw new IllegalStateException("simulated crash");
            }
        }
    }

    /** Holds the event write back until released: a request paused between its claims and its put. */
    private static final class HoldsEventPut implements ExecutionInterceptor {
        private final String eventId;
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        HoldsEventPut(String eventId) {
            this.eventId = eventId;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (isEventPut(context.request(), eventId)) {
                held.countDown();
                try {
                    released.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(10, TimeUnit.SECONDS)).as("the event write was reached").isTrue();
        }

        void release() {
            released.countDown();
        }
    }
}
