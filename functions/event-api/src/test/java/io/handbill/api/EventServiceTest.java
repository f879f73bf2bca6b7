package io.handbill.api;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.store.InMemoryEventStore;
import io.handbill.store.SiteVersion;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Crash repair: a failure between any two writes leaves a state that a retry of the same request completes. */
class EventServiceTest {
    private final Clock clock = Clock.fixed(Instant.parse("2017-09-01T10:00:00Z"), ZoneOffset.UTC);
    /** Without its alias: several tests create it twice, and an alias redirects for one event only. */
    private final EventDraft seed = SeedJson.draft(n -> n.remove("aliases"));

    @Test
    void crashAfterKeyRecorded_beforeEventWritten_retryCreatesTheEventOnce() {
        var store = new FailingEventStore();
        var idempotency = new InMemoryIdempotencyStore();
        var service = new EventService(store, idempotency, clock);
        store.failCreates.set(1);

        assertThatThrownBy(() -> service.create(seed, "k")).isInstanceOf(SimulatedCrash.class);
        assertThat(store.all()).isEmpty();
        assertThat(idempotency.all()).singleElement().satisfies(r -> assertThat(r.isComplete()).isFalse());

        CreatedEvent retried = service.create(seed, "k");

        assertThat(store.all()).singleElement().extracting(Event::id)
                .isEqualTo(idempotency.all().get(0).eventId()).isEqualTo(retried.id());
        assertThat(idempotency.all().get(0).isComplete()).isTrue();
    }

    @Test
    void crashAfterEventWritten_beforeResponseRecorded_retryReplaysWithoutASecondEvent() {
        var store = new InMemoryEventStore();
        var crash = new SimulatedCrash();
        var idempotency = new InMemoryIdempotencyStore() {
            @Override
            public synchronized void complete(IdempotencyRecord completed) {
                crash.once();
                super.complete(completed);
            }
        };
        var service = new EventService(store, idempotency, clock);

        assertThatThrownBy(() -> service.create(seed, "k")).isInstanceOf(SimulatedCrash.class);
        CreatedEvent retried = service.create(seed, "k");
        CreatedEvent again = service.create(seed, "k");

        assertThat(store.all()).singleElement().extracting(Event::id).isEqualTo(retried.id());
        assertThat(retried.replayed()).isTrue();
        assertThat(again.json()).isEqualTo(retried.json());
    }

    @Test
    void expiredKey_isFreeForANewCreate() {
        var store = new InMemoryEventStore();
        var idempotency = new InMemoryIdempotencyStore();
        new EventService(store, idempotency, clock).create(seed, "k");
        var dayLater = Clock.offset(clock, EventService.IDEMPOTENCY_TTL.plusSeconds(1));

        CreatedEvent second = new EventService(store, idempotency, dayLater).create(seed, "k");

        assertThat(second.replayed()).isFalse();
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void crashBetweenPublishAndSiteVersionBump_retryBumps() {
        var crash = new SimulatedCrash();
        var store = new InMemoryEventStore() {
            @Override
            public synchronized SiteVersion bumpSiteVersion(Instant now) {
                crash.once();
                return super.bumpSiteVersion(now);
            }
        };
        var service = new EventService(store, new InMemoryIdempotencyStore(), clock);
        String id = service.create(seed, null).id();

        assertThatThrownBy(() -> service.publish(id, IfMatch.NONE)).isInstanceOf(SimulatedCrash.class);
        service.publish(id, IfMatch.NONE);

        assertThat(store.siteVersion().value()).isEqualTo(1);
    }

    @Test
    void concurrentEditMeetsStatusChange_withoutPrecondition_retries() {
        var store = new InMemoryEventStore();
        var service = new EventService(store, new InMemoryIdempotencyStore(), clock);
        String id = service.create(seed, null).id();
        var racing = new EventService(new InMemoryEventStore() {
            final AtomicInteger reads = new AtomicInteger();

            @Override
            public java.util.Optional<Event> get(String eventId) {
                var current = store.get(eventId);
                if (reads.getAndIncrement() == 0) {
                    // someone else saves an edit right after our first read
                    store.update(current.orElseThrow().edit(seed, clock.instant()));
                }
                return current;
            }

            @Override
            public void update(Event next) {
                store.update(next);
            }

            @Override
            public SiteVersion bumpSiteVersion(Instant now) {
                return store.bumpSiteVersion(now);
            }
        }, new InMemoryIdempotencyStore(), clock);

        Event published = racing.publish(id, IfMatch.NONE);

        assertThat(published.version()).isEqualTo(3);
        assertThat(store.get(id).orElseThrow().status().name()).isEqualTo("PUBLISHED");
    }

    /** A crash where the test puts it; {@link #once()} throws it the first time only, as a retry would find. */
    static final class SimulatedCrash extends RuntimeException {
        private boolean thrown;

        synchronized void once() {
            if (!thrown) {
                thrown = true;
                throw this;
            }
        }
    }

    static final class FailingEventStore extends InMemoryEventStore {
        final AtomicInteger failCreates = new AtomicInteger();

        @Override
        public synchronized void create(Event event) {
            if (failCreates.getAndDecrement() > 0) {
                throw new SimulatedCrash();
            }
            super.create(event);
        }
    }
}
