package io.handbill.store;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.testkit.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoDbEventStoreIT extends LocalAwsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private DynamoDbEventStore store;

    @BeforeEach
    void setUp() {
        this.store = aws.eventStore();
    }

    @Test
    void createdEvent_readsBackByIdAndSlug() {
        Event seed = Fixtures.seedEvent();

        store.create(seed);

        assertThat(store.get(seed.id())).contains(seed);
        assertThat(store.findBySlug(Fixtures.SEED_SLUG)).contains(seed);
        assertThat(store.get("no-such-event")).isEmpty();
        assertThat(store.findBySlug("no-such-slug")).isEmpty();
    }

    @Test
    void createWithExistingId_throwsVersionConflict_andKeepsTheFirst() {
        Event first = event("e1", "2026-07-01T18:00", EventStatus.DRAFT);
        store.create(first);

        assertThatThrownBy(() -> store.create(event("e1", "2026-08-01T18:00", EventStatus.DRAFT)))
                .isInstanceOf(VersionConflictException.class);

        assertThat(store.get("e1")).contains(first);
    }

    @Test
    void theSameCreateAgain_asTheSdkRetriesOneWhoseResponseWasLost_isDoneAlready() {
        Event first = event("e1", "2026-07-01T18:00", EventStatus.DRAFT);
        store.create(first);

        store.create(first);

        assertThat(store.get("e1")).contains(first);
    }

    @Test
    void list_filtersByStatusAndTime_andPagesWithCursors() {
        Event past1 = event("past-1", "2026-03-01T18:00", EventStatus.PUBLISHED);
        Event past2 = event("past-2", "2026-05-01T18:00", EventStatus.DRAFT);
        Event next1 = event("next-1", "2026-07-01T18:00", EventStatus.PUBLISHED);
        Event next2 = event("next-2", "2026-08-01T18:00", EventStatus.DRAFT);
        Event next3 = event("next-3", "2026-09-01T18:00", EventStatus.CANCELLED);
        for (Event e : List.of(next3, past1, next1, past2, next2)) {
            store.create(e);
        }

        assertThat(ids(listing -> store.list(listing), null, EventListing.When.ALL, 2))
                .containsExactly("past-1", "past-2", "next-1", "next-2", "next-3");
        assertThat(ids(listing -> store.list(listing), null, EventListing.When.UPCOMING, 2))
                .containsExactly("next-1", "next-2", "next-3");
        assertThat(ids(listing -> store.list(listing), null, EventListing.When.PAST, 1))
                .containsExactly("past-2", "past-1");
        assertThat(ids(listing -> store.list(listing), EventStatus.DRAFT, EventListing.When.ALL, 2))
                .containsExactly("past-2", "next-2");
        assertThat(ids(listing -> store.list(listing), EventStatus.PUBLISHED, EventListing.When.UPCOMING, 1))
                .containsExactly("next-1");
    }

    @Test
    void listPage_stopsAtLimit_withACursorToTheRest() {
        for (int day = 1; day <= 3; day++) {
            store.create(event("e" + day, "2026-07-0" + day + "T18:00", EventStatus.DRAFT));
        }

        Page<Event> first = store.list(new EventListing(null, EventListing.When.ALL, NOW, null, 2));
        Page<Event> second = store.list(new EventListing(null, EventListing.When.ALL, NOW, first.nextCursor(), 2));

        assertThat(first.items()).extracting(Event::id).containsExactly("e1", "e2");
        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.items()).extracting(Event::id).containsExactly("e3");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void tamperedCursor_isRejected() {
        assertThatThrownBy(() -> store.list(new EventListing(null, EventListing.When.ALL, NOW, "bm90LWpzb24", 2)))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void updateFromCurrentVersion_replacesTheEvent() {
        Event created = createdDraft();
        Event edited = retitled(created, "New title");

        store.update(edited);

        assertThat(store.get("e1")).get().satisfies(stored -> {
            assertThat(stored.title()).isEqualTo("New title");
            assertThat(stored.version()).isEqualTo(2);
        });
    }

    @Test
    void updateFromStaleVersion_throwsVersionConflict_andKeepsTheNewer() {
        Event created = createdDraft();
        Event winner = retitled(created, "First edit");
        store.update(winner);

        Event stale = retitled(created, "Edit from an old copy");
        assertThatThrownBy(() -> store.update(stale)).isInstanceOf(VersionConflictException.class);

        assertThat(store.get("e1")).contains(winner);
    }

    @Test
    void updateOfMissingEvent_throwsNotFound() {
        Event never = event("ghost", "2026-07-01T18:00", EventStatus.DRAFT);

        assertThatThrownBy(() -> store.update(never.publish(NOW))).isInstanceOf(EventNotFoundException.class);
    }

    @Test
    void concurrentUpdatesFromTheSameVersion_exactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                aws.reset();
                Event created = createdDraft();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (String title : List.of("Edit A", "Edit B")) {
                    Callable<Boolean> update = () -> {
                        Event edited = retitled(created, title);
                        together.await();
                        try {
                            store.update(edited);
                            return true;
                        } catch (VersionConflictException e) {
                            return false;
                        }
                    };
                    outcomes.add(pool.submit(update));
                }
                List<Boolean> won = List.of(outcomes.get(0).get(), outcomes.get(1).get());

                assertThat(won).containsExactlyInAnyOrder(true, false);
                Event stored = store.get("e1").orElseThrow();
                assertThat(stored.version()).isEqualTo(2);
                assertThat(stored.title()).isEqualTo(won.get(0) ? "Edit A" : "Edit B");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void slugOwnedByAnotherEvent_throwsSlugTaken() {
        Event owner = event("owner", "2026-07-01T18:00", EventStatus.DRAFT);
        store.create(owner);
        Event rival = withSlug(event("rival", "2026-07-02T18:00", EventStatus.DRAFT), owner.slug());

        assertThatThrownBy(() -> store.create(rival)).isInstanceOf(SlugTakenException.class);

        assertThat(store.get("rival")).isEmpty();
        assertThat(store.findBySlug(owner.slug())).contains(owner);
    }

    @Test
    void renamingToATakenSlug_throwsSlugTaken_andKeepsBothEvents() {
        Event owner = event("owner", "2026-07-01T18:00", EventStatus.DRAFT);
        Event other = event("other", "2026-07-02T18:00", EventStatus.DRAFT);
        store.create(owner);
        store.create(other);

        Event renamed = other.edit(other.draft().withSlug(owner.slug()), NOW);
        assertThatThrownBy(() -> store.update(renamed)).isInstanceOf(SlugTakenException.class);

        assertThat(store.get("other")).contains(other);
        assertThat(store.findBySlug(owner.slug())).contains(owner);
    }

    @Test
    void renamingADraft_movesTheSlug_andFreesTheOldOne() {
        Event created = createdDraft();

        store.update(created.edit(created.draft().withSlug("2026-07-01-renamed"), NOW));

        assertThat(store.findBySlug("2026-07-01-renamed")).get().extracting(Event::id).isEqualTo("e1");
        assertThat(store.findBySlug(created.slug())).isEmpty();
        store.create(withSlug(event("e2", "2026-07-05T18:00", EventStatus.DRAFT), created.slug()));
        assertThat(store.findBySlug(created.slug())).get().extracting(Event::id).isEqualTo("e2");
    }

    @Test
    void staleSlugClaim_fromACrashedCreate_isTakenOver() {
        // a create that claimed the slug and then crashed before writing its event
        aws.dynamoDb().putItem(r -> r.tableName(aws.tableName()).item(Map.of(
                HandbillTable.PK, AttributeValue.fromS("SLUG#2026-07-01-crashed"),
                HandbillTable.SK, AttributeValue.fromS("SLUG"),
                "eventId", AttributeValue.fromS("crashed-before-write"))));
        Event retry = withSlug(event("e1", "2026-07-01T18:00", EventStatus.DRAFT), "2026-07-01-crashed");

        store.create(retry);

        assertThat(store.findBySlug("2026-07-01-crashed")).contains(retry);
    }

    @Test
    void delete_removesTheEvent_andFreesItsSlug() {
        Event created = createdDraft();

        store.delete("e1", created.version());

        assertThat(store.get("e1")).isEmpty();
        assertThat(store.findBySlug(created.slug())).isEmpty();
        Event successor = withSlug(event("e2", "2026-07-01T18:00", EventStatus.DRAFT), created.slug());
        store.create(successor);
        assertThat(store.findBySlug(created.slug())).contains(successor);
    }

    @Test
    void deleteFromStaleVersion_throwsVersionConflict_andKeepsTheEvent() {
        Event created = createdDraft();
        Event published = created.publish(NOW);
        store.update(published);

        assertThatThrownBy(() -> store.delete("e1", created.version())).isInstanceOf(VersionConflictException.class);

        assertThat(store.get("e1")).contains(published);
        assertThat(store.findBySlug(created.slug())).contains(published);
    }

    @Test
    void listPublic_returnsPublishedAndCancelledStartingInRange_soonestFirst() {
        store.create(event("before", "2026-06-30T18:00", EventStatus.PUBLISHED));
        store.create(event("first", "2026-07-01T00:00", EventStatus.PUBLISHED));
        store.create(event("draft", "2026-07-02T18:00", EventStatus.DRAFT));
        store.create(event("cancelled", "2026-07-03T18:00", EventStatus.CANCELLED));
        store.create(event("last", "2026-07-31T22:59", EventStatus.PUBLISHED));
        store.create(event("at-end", "2026-08-01T00:00", EventStatus.PUBLISHED));
        // London is UTC+1 in summer: these local times are 23:00 UTC the day before
        Instant from = Instant.parse("2026-06-30T23:00:00Z");
        Instant to = Instant.parse("2026-07-31T23:00:00Z");

        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<Event> page = store.listPublic(from, to, cursor, 2);
            page.items().forEach(e -> ids.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(ids).containsExactly("first", "cancelled", "last");
    }

    @Test
    void siteVersion_startsAtZero_andRisesByOnePerBump() {
        assertThat(store.siteVersion()).isEqualTo(SiteVersion.INITIAL);

        store.bumpSiteVersion(NOW);
        SiteVersion bumped = store.bumpSiteVersion(NOW.plusSeconds(1));

        assertThat(bumped).isEqualTo(new SiteVersion(2, NOW.plusSeconds(1)));
        assertThat(store.siteVersion()).isEqualTo(bumped);
    }

    /** Every page of a listing, following cursors to the end. */
    private static List<String> ids(Function<EventListing, Page<Event>> list, EventStatus status,
                                     EventListing.When when, int pageSize) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Event> page = list.apply(new EventListing(status, when, NOW, cursor, pageSize));
            page.items().forEach(e -> ids.add(e.id()));
            cursor = page.nextCursor();
            assertThat(++pages).as("pages").isLessThan(20);
        } while (cursor != null);
        return ids;
    }

    /** The seed event moved to {@code localStart} (Europe/London), with a slug from its id, in {@code status}. */
    private static Event event(String id, String localStart, EventStatus status) {
        EventDraft seed = Fixtures.seedDraft();
        LocalDateTime start = LocalDateTime.parse(localStart);
        Duration length = Duration.between(seed.start(), seed.end());
        EventDraft draft = seed.toBuilder().slug(start.toLocalDate() + "-" + id).start(start)
                .end(start.plus(length)).timeZone("Europe/London").agenda(List.of()).aliases(List.of()).build();
        Event created = Event.create(id, draft, NOW);
        return switch (status) {
            case DRAFT -> created;
            case PUBLISHED -> created.publish(NOW);
            case CANCELLED -> created.publish(NOW).cancel("Venue flooded", NOW);
        };
    }

    private static Event withSlug(Event event, String slug) {
        return Event.create(event.id(), event.draft().withSlug(slug), event.createdAt());
    }

    /** Draft e1 on 1 July 2026, created in the store. */
    private Event createdDraft() {
        Event created = event("e1", "2026-07-01T18:00", EventStatus.DRAFT);
        store.create(created);
        return created;
    }

    /** {@code event} edited to another title: one version up, not yet stored. */
    private static Event retitled(Event event, String title) {
        return event.edit(event.draft().toBuilder().title(title).build(), NOW);
    }
}
