package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.store.EventStore;
import io.handbill.store.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Keeps the public site in the bucket in step with the events table. Always renders from the current stored state,
 * so repeating or reordering calls is harmless. An edit writes only objects whose bytes change: the event's page,
 * the index page listing it, feed.xml and sitemap.xml; and it reads the one listing item rather than every event.
 */
public final class SitePublisher {
    private static final Logger log = LoggerFactory.getLogger(SitePublisher.class);
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    /** Events per index query: DynamoDB stops at 1 MB anyway, so this only bounds the round trips. */
    private static final int LIST_PAGE = 1000;
    private static final ExecutorService PAGES = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "event-pages");
        thread.setDaemon(true);
        return thread;
    });

    private final EventStore store;
    private final ListingStore listing;
    private final PageRenderer renderer;
    private final SiteBucket bucket;
    private final Clock clock;
    /** Stylesheet, robots.txt and 404 depend only on this deployment: checked once per container. */
    private volatile boolean furnitureInPlace;

    /**
     * What a publish wrote.
     *
     * @param failedEventIds events whose pages could not be written; the caller retries them
     */
    public record Outcome(List<String> written, Set<String> failedEventIds) {
    }

    public SitePublisher(EventStore store, ListingStore listing, PageRenderer renderer, SiteBucket bucket,
                         Clock clock) {
        this.store = store;
        this.listing = listing;
        this.renderer = renderer;
        this.bucket = bucket;
        this.clock = clock;
    }

    /**
     * Brings the site up to date with these events' current state (drafts and deleted events show nowhere). The
     * events' own pages and the listings are written side by side: they do not depend on each other.
     */
    public Outcome publish(Collection<String> eventIds) {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        Map<String, Event> current = new HashMap<>();
        List<Event> toRender = new ArrayList<>();
        for (String id : eventIds) {
            try {
                Optional<Event> event = store.get(id);
                current.put(id, event.orElse(null));
                event.filter(e -> e.status().isPublic()).ifPresent(toRender::add);
            } catch (RuntimeException e) {
                log.error("Could not read event {}", id, e);
                failed.add(id);
            }
        }
        CompletableFuture<List<String>> pages = CompletableFuture.supplyAsync(() -> {
            List<String> written = new ArrayList<>();
            for (Event event : toRender) {
                try {
                    written.addAll(bucket.writeChanged(renderer.eventPages(event)));
                } catch (RuntimeException e) {
                    log.error("Could not publish event {}", event.id(), e);
                    failed.add(event.id());
                }
            }
            return written;
        }, PAGES);
        List<String> written = new ArrayList<>();
        try {
            written.addAll(publishListings(current));
        } catch (RuntimeException e) {
            log.error("Could not publish the index, feed and sitemap for events {}", eventIds, e);
            failed.addAll(eventIds);
        }
        written.addAll(0, pages.join());
        return new Outcome(List.copyOf(written), Set.copyOf(failed));
    }

    /** Renders and writes the whole site from the table: after a template change, or to recover. */
    public Outcome rebuildAll() {
        List<Event> events = publicEventsFromIndex();
        List<SiteObject> pages = events.parallelStream().flatMap(e -> renderer.eventPages(e).stream()).toList();
        List<String> written = new ArrayList<>(bucket.writeAll(pages));
        List<Event> entries = PublicListing.sorted(events.stream().map(Event::listingEntry).toList());
        long version;
        do {
            version = listing.read().map(PublicListing.Snapshot::version).orElse(0L);
        } while (!listing.commit(version, entries));
        List<SiteObject> listings = new ArrayList<>(renderer.indexPages(entries, clock.instant()));
        int indexPages = listings.size();
        listings.add(renderer.feed(entries));
        listings.add(renderer.sitemap(entries, indexPages));
        listings.addAll(renderer.furniture());
        written.addAll(bucket.writeAll(listings));
        furnitureInPlace = true;
        written.addAll(dropPagesAfter(indexPages));
        written.addAll(settle(version + 1));
        return new Outcome(List.copyOf(written), Set.of());
    }

    /**
     * Commits these events into the listing, then writes what the committed listing shows. Whoever commits last
     * also writes last: after writing, a batch that finds a newer listing writes again from that one.
     */
    private List<String> publishListings(Map<String, Event> current) {
        while (true) {
            PublicListing.Snapshot snapshot = listing.read()
                    .orElseGet(() -> new PublicListing.Snapshot(0, PublicListing.sorted(
                            publicEventsFromIndex().stream().map(Event::listingEntry).toList())));
            List<Event> entries = overlay(snapshot.events(), current);
            if (snapshot.version() > 0 && entries.equals(snapshot.events())) {
                // nothing to commit (a replay, a refresh, or a retry after failed writes): check every object
                List<String> written = new ArrayList<>(writeListings(entries, null));
                written.addAll(settle(snapshot.version()));
                return written;
            }
            if (listing.commit(snapshot.version(), entries)) {
                List<String> written = new ArrayList<>(
                        writeListings(entries, snapshot.version() > 0 ? snapshot.events() : null));
                written.addAll(settle(snapshot.version() + 1));
                return written;
            }
        }
    }

    /** Rewrites the listings from newer versions until none appeared while writing. */
    private List<String> settle(long rendered) {
        List<String> written = new ArrayList<>();
        for (long version = rendered; listing.version() != version; ) {
            PublicListing.Snapshot newer = listing.read().orElseThrow();
            written.addAll(writeListings(newer.events(), null));
            version = newer.version();
        }
        return written;
    }

    /**
     * Writes the index pages, feed and sitemap that differ from the bucket. Given the listing they were last written
     * from, index pages that render the same from both are known to be in place and are not even checked, so an edit
     * costs the same on a site of ten events or a thousand.
     */
    private List<String> writeListings(List<Event> entries, List<Event> previous) {
        Instant now = clock.instant();
        List<SiteObject> indexPages = renderer.indexPages(entries, now);
        List<SiteObject> objects = new ArrayList<>(indexPages);
        if (previous != null) {
            Map<String, String> before = new HashMap<>();
            renderer.indexPages(previous, now).forEach(o -> before.put(o.key(), o.sha256()));
            objects.removeIf(o -> o.sha256().equals(before.get(o.key())));
        }
        objects.add(renderer.feed(entries));
        objects.add(renderer.sitemap(entries, indexPages.size()));
        if (!furnitureInPlace) {
            objects.addAll(renderer.furniture());
        }
        List<String> written = new ArrayList<>(bucket.writeChanged(objects));
        furnitureInPlace = true;
        written.addAll(dropPagesAfter(indexPages.size()));
        return written;
    }

    /** The archive got shorter (an event was removed): drop pages past the new end. */
    private List<String> dropPagesAfter(int lastPage) {
        List<String> deleted = new ArrayList<>();
        for (int page = lastPage + 1; bucket.deleteIfPresent(PageRenderer.pageKey(page)); page++) {
            deleted.add(PageRenderer.pageKey(page));
        }
        return deleted;
    }

    private static List<Event> overlay(List<Event> entries, Map<String, Event> current) {
        Map<String, Event> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        current.forEach((id, event) -> {
            if (event == null || !event.status().isPublic()) {
                byId.remove(id);
            } else {
                byId.put(id, event.listingEntry());
            }
        });
        return PublicListing.sorted(List.copyOf(byId.values()));
    }

    /** Every public event from the start-time index (eventually consistent: used to build, not to patch). */
    private List<Event> publicEventsFromIndex() {
        List<Event> events = new ArrayList<>();
        String cursor = null;
        do {
            Page<Event> page = store.listPublic(Instant.EPOCH, FAR_FUTURE, cursor, LIST_PAGE);
            events.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return events;
    }
}
