package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.Series;
import io.handbill.store.EventStore;
import io.handbill.store.Page;
import io.handbill.store.SeriesStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps the public site in the bucket in step with the events table. Always renders from the current stored state,
 * so repeating or reordering calls is harmless. An edit writes only objects whose bytes change: the event's page,
 * the index page listing it, feed.xml and sitemap.xml, and for an occurrence its series' page; and it reads the one
 * listing item rather than every event (and, on a site with series, the series items: one query).
 * A rebuild renders everything and compares it with one listing of the bucket: it writes only what differs.
 */
public final class SitePublisher {
    private static final Logger log = LoggerFactory.getLogger(SitePublisher.class);
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    /** Events per index query: DynamoDB stops at 1 MB anyway, so this only bounds the round trips. */
    private static final int LIST_PAGE = 1000;
    /**
     * Reads, renders, and the events' pages beside the listings. Nothing here waits for another task of this pool
     * (the writes they wait for run on the writer's threads), so its bound cannot deadlock it.
     */
    private static final ExecutorService WORK = Executors.newFixedThreadPool(BucketWriter.parallelism(), r -> {
        Thread thread = new Thread(r, "site-publisher");
        thread.setDaemon(true);
        return thread;
    });

    private final EventStore store;
    private final SeriesStore seriesStore;
    private final ListingStore listing;
    private final PageRenderer renderer;
    private final SiteBucket bucket;
    private final Clock clock;
    /** Stylesheet, robots.txt and 404 depend only on this deployment: checked once per container. */
    private volatile boolean furnitureInPlace;
    /** The listing this container rendered last, for the next edit to compare with instead of rendering it again. */
    private volatile Rendered lastRendered;

    /** Index views as of {@code now}, and the hashes of feed and sitemap (which do not depend on the time). */
    private record Rendered(List<Event> entries, Instant now, List<ListingView> views, String feed, String sitemap) {
        /** The views of {@code entries} at {@code later}, if no event ended between the two instants. */
        Optional<List<ListingView>> viewsAt(List<Event> of, Instant later) {
            boolean same = of.equals(entries)
                    && of.stream().allMatch(e -> e.endsAt().isBefore(now) == e.endsAt().isBefore(later));
            return same ? Optional.of(views) : Optional.empty();
        }
    }

    /**
     * What a publish wrote.
     *
     * @param failedEventIds  events whose pages could not be written; the caller retries them
     * @param failedAliasKeys alias keys that could not be settled; the caller retries them
     * @param failedSeriesIds series whose pages could not be written; the caller retries them
     */
    public record Outcome(List<String> written, Set<String> failedEventIds, Set<String> failedAliasKeys,
                          Set<String> failedSeriesIds) {
    }

    public SitePublisher(EventStore store, SeriesStore seriesStore, ListingStore listing, PageRenderer renderer,
                         SiteBucket bucket, Clock clock) {
        this.store = store;
        this.seriesStore = seriesStore;
        this.listing = listing;
        this.renderer = renderer;
        this.bucket = bucket;
        this.clock = clock;
    }

    /**
     * Brings the site up to date with these events' current state (drafts and deleted events show nowhere). The
     * events and the listing are read side by side, and the events' own pages and the listings written side by side:
     * they do not depend on each other.
     */
    public Outcome publish(Collection<String> eventIds) {
        return publish(eventIds, List.of());
    }

    /**
     * Re-renders the listings and every series page from the stored listing: time moves events from "upcoming" to
     * "past" with no edit to trigger a render.
     */
    public Outcome refresh() {
        return publishEvents(List.of(), List.of(), true);
    }

    /**
     * As {@link #publish(Collection)}, and also settles these alias paths (bucket keys whose claim changed): one a
     * public event holds is written with that event's pages; any other loses its redirect object.
     *
     */
    public Outcome publish(Collection<String> eventIds, Collection<String> aliasKeys) {
        return publish(eventIds, aliasKeys, List.of());
    }

    /**
     * As {@link #publish(Collection, Collection)}, and also re-renders the pages of these series (whose items
     * changed: a skipped date, a new title).
     */
    public Outcome publish(Collection<String> eventIds, Collection<String> aliasKeys, Collection<String> seriesIds) {
        Set<String> failed = new LinkedHashSet<>();
        List<String> removed = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(eventIds);
        Map<String, String> holders = new HashMap<>();
        for (String key : aliasKeys) {
            try {
                Optional<Event> holder = store.findByAlias(key).filter(e -> e.status().isPublic());
                if (holder.isPresent()) {
                    ids.add(holder.get().id());
                    holders.put(key, holder.get().id());
                } else if (bucket.deleteRedirect(key)) {
                    removed.add(key);
                }
            } catch (RuntimeException e) {
                log.error("Could not settle alias {}", key, e);
                failed.add(key);
            }
        }
        Outcome outcome = publishEvents(ids, seriesIds, false);
        holders.forEach((key, id) -> {
            if (outcome.failedEventIds().contains(id)) {
                failed.add(key);
            }
        });
        List<String> written = new ArrayList<>(removed);
        written.addAll(outcome.written());
        return new Outcome(List.copyOf(written), outcome.failedEventIds(), Set.copyOf(failed),
                outcome.failedSeriesIds());
    }

    private Outcome publishEvents(Collection<String> eventIds, Collection<String> seriesIds, boolean allSeries) {
        Set<String> failed = ConcurrentHashMap.newKeySet();
        SeriesLookup lookup = new SeriesLookup();
        CompletableFuture<Optional<PublicListing.Snapshot>> known = CompletableFuture.supplyAsync(listing::lastSeen,
                WORK);
        // the last event is read on this thread: an edit (one event) then waits for no other thread to start
        Map<String, CompletableFuture<Optional<Event>>> reads = new LinkedHashMap<>();
        List<String> ids = List.copyOf(eventIds);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            reads.put(id, i < ids.size() - 1 ? CompletableFuture.supplyAsync(() -> store.get(id), WORK)
                    : readHere(id));
        }
        Map<String, Event> current = new HashMap<>();
        List<Event> toRender = new ArrayList<>();
        reads.forEach((id, read) -> {
            try {
                Optional<Event> event = read.join();
                current.put(id, event.orElse(null));
                event.filter(e -> e.status().isPublic()).ifPresent(toRender::add);
            } catch (CompletionException e) {
                log.error("Could not read event {}", id, e.getCause());
                failed.add(id);
            }
        });
        // off the edit's critical path: the pages do not depend on it
        CompletableFuture<Void> versionCaughtUp = CompletableFuture.runAsync(
                () -> catchUpSiteVersion(toRender, failed), WORK);
        CompletableFuture<List<String>> pages = CompletableFuture.supplyAsync(() -> {
            List<String> written = new ArrayList<>();
            for (Event event : toRender) {
                try {
                    written.addAll(bucket.writeChanged(renderer.eventPages(event, lookup.get(event.seriesId()))));
                } catch (RuntimeException e) {
                    log.error("Could not publish event {}", event.id(), e);
                    failed.add(event.id());
                }
            }
            return written;
        }, WORK);
        // before the index that shows them: a reader (or the CDN) asking for a card too early would get a 404
        List<String> written = new ArrayList<>();
        for (Event event : toRender) {
            try {
                written.addAll(bucket.writeMissing(renderer.eventPictures(event), null));
            } catch (RuntimeException e) {
                log.error("Could not make the pictures of event {}", event.id(), e);
                failed.add(event.id());
            }
        }
        Set<String> failedSeries = Set.of();
        try {
            written.addAll(publishListings(current, known, lookup, allSeries ? null : Set.copyOf(seriesIds)));
        } catch (RuntimeException e) {
            log.error("Could not publish the index, feed, sitemap and series pages for events {} and series {}",
                    eventIds, seriesIds, e);
            failed.addAll(eventIds);
            failedSeries = Set.copyOf(seriesIds);
        }
        written.addAll(0, pages.join());
        versionCaughtUp.join();
        return new Outcome(List.copyOf(written), Set.copyOf(failed), Set.of(), failedSeries);
    }

    /** Renders the whole site from the table and writes what differs from the bucket: after a template change, or to recover. */
    public Outcome rebuildAll() {
        return rebuildAll(false);
    }

    /**
     * @param everything write every object even where the bucket holds the same body: after a release that changes
     *                   only headers (a rebuild compares bodies, not headers)
     */
    public Outcome rebuildAll(boolean everything) {
        CompletableFuture<Map<String, String>> stored = everything ? CompletableFuture.completedFuture(Map.of())
                : CompletableFuture.supplyAsync(bucket::storedBodies, SitePublisher::ownThread);
        Function<String, String> storedBody = key -> stored.join().get(key);
        // each page of events is rendered and written while the next is read
        List<Event> events = new ArrayList<>();
        List<CompletableFuture<List<String>>> pages = new ArrayList<>();
        SeriesLookup lookup = new SeriesLookup();
        SeriesScope everySeries = new SeriesScope(lookup, null);
        forEachPublicPage(page -> {
            events.addAll(page);
            pages.add(CompletableFuture.supplyAsync(() -> {
                List<String> written = new ArrayList<>(bucket.renderAndWriteChanged(page,
                        e -> renderer.eventPages(e, lookup.get(e.seriesId())), storedBody));
                written.addAll(bucket.writeMissing(page.stream().flatMap(e -> renderer.eventPictures(e).stream())
                        .toList(), storedBody));
                return written;
            }, WORK));
        });
        List<String> written = new ArrayList<>();
        pages.forEach(page -> written.addAll(join(page)));
        Map<String, String> bodies = stored.join();
        List<Event> entries = PublicListing.sorted(events.stream().map(Event::listingEntry).toList());
        long version;
        do {
            version = listing.version();
        } while (!listing.commit(version, entries));
        List<SiteObject> indexPages = renderer.indexPages(entries, clock.instant());
        List<SiteObject> listings = new ArrayList<>(indexPages);
        listings.add(renderer.feed(entries));
        listings.add(renderer.sitemap(entries, indexPages.size(), lookup.withPages(entries)));
        listings.addAll(seriesPages(entries, everySeries));
        listings.addAll(renderer.furniture());
        written.addAll(bucket.renderAndWriteChanged(listings, List::of, bodies::get));
        furnitureInPlace = true;
        if (everything) {
            written.addAll(dropPagesAfter(indexPages.size()));
        } else {
            for (int page = indexPages.size() + 1; bodies.containsKey(PageRenderer.pageKey(page)); page++) {
                bucket.delete(PageRenderer.pageKey(page));
                written.add(PageRenderer.pageKey(page));
            }
        }
        written.addAll(settle(version + 1, everySeries));
        return new Outcome(List.copyOf(written), Set.of(), Set.of(), Set.of());
    }

    /**
     * Commits these events into the listing, then writes what the committed listing shows. Whoever commits last
     * also writes last: after writing, a batch that finds a newer listing writes again from that one. The commit
     * starts from the version this container saw last; if someone committed since, it is refused and retried from a
     * fresh read.
     */
    private List<String> publishListings(Map<String, Event> current,
                                         CompletableFuture<Optional<PublicListing.Snapshot>> known,
                                         SeriesLookup lookup, Set<String> seriesIds) {
        Optional<PublicListing.Snapshot> stored = known.join();
        while (true) {
            PublicListing.Snapshot snapshot = stored
                    .orElseGet(() -> new PublicListing.Snapshot(0, PublicListing.sorted(
                            publicEventsFromIndex().stream().map(Event::listingEntry).toList())));
            List<Event> entries = overlay(snapshot.events(), current);
            SeriesScope scope = new SeriesScope(lookup, seriesIds == null ? null
                    : touchedSeries(seriesIds, current, snapshot.events()));
            if (snapshot.version() > 0 && entries.equals(snapshot.events())) {
                if (listing.version() != snapshot.version()) {
                    stored = listing.read();
                    continue;
                }
                // nothing to commit (a replay, a refresh, or a retry after failed writes): check every object
                List<String> written = new ArrayList<>(writeListings(entries, null, scope));
                written.addAll(settle(snapshot.version(), scope));
                return written;
            }
            List<Event> previous = snapshot.version() > 0 ? snapshot.events() : null;
            // rendered while the commit is on its way; written only once it succeeded
            CompletableFuture<Listings> rendered = CompletableFuture.supplyAsync(
                    () -> listings(entries, previous, scope), WORK);
            if (listing.commit(snapshot.version(), entries)) {
                List<String> written = new ArrayList<>(write(rendered.join()));
                written.addAll(settle(snapshot.version() + 1, scope));
                return written;
            }
            rendered.cancel(false);
            stored = listing.read();
        }
    }

    /**
     * Rewrites the listings (and the series pages in {@code scope}) from newer versions until none appeared while
     * writing.
     */
    private List<String> settle(long rendered, SeriesScope scope) {
        List<String> written = new ArrayList<>();
        for (long version = rendered; listing.version() != version; ) {
            PublicListing.Snapshot newer = listing.read().orElseThrow();
            written.addAll(writeListings(newer.events(), null, scope));
            version = newer.version();
        }
        return written;
    }

    private List<String> writeListings(List<Event> entries, List<Event> previous, SeriesScope scope) {
        return write(listings(entries, previous, scope));
    }

    /**
     * The series a publish renders pages of, and where it reads them: {@code touched} ids, or every series with a
     * public occurrence when {@code null}.
     */
    private record SeriesScope(SeriesLookup lookup, Set<String> touched) {
    }

    /**
     * The event API raises the site version after each public event write; had that raise failed, the feeds'
     * validators would not cover the change and calendar apps would be answered 304 for it until the next one. The
     * stream brings every event write here, so an event changed after the version the feeds serve raises it (a raise
     * the API makes meanwhile costs calendars one extra download, nothing else). A failed check fails the batch's
     * events, so the stream delivers them again.
     */
    private void catchUpSiteVersion(List<Event> published, Set<String> failed) {
        try {
            store.raiseSiteVersionToCover(published, clock.instant()).ifPresent(e -> log.info(
                    "Event {} changed after the site version the feeds serve: raised it", e.id()));
        } catch (RuntimeException e) {
            log.error("Could not check the site version", e);
            published.forEach(event -> failed.add(event.id()));
        }
    }

    /**
     * The series items, read at most once per publish (one query of their partition) and only when something on the
     * site belongs to a series: a site without series pays nothing for them.
     */
    private final class SeriesLookup {
        private Map<String, Series> byId;

        synchronized Map<String, Series> all() {
            if (byId == null) {
                Map<String, Series> read = new HashMap<>();
                seriesStore.list().forEach(s -> read.put(s.id(), s));
                byId = read;
            }
            return byId;
        }

        /** The series {@code id} names, or {@code null} for no id (not a series occurrence) or an unknown one. */
        Series get(String id) {
            return id == null ? null : all().get(id);
        }

        /** The series with a public occurrence among {@code entries}, which have a page: by slug, for stable bytes. */
        List<Series> withPages(List<Event> entries) {
            return entries.stream().map(Event::seriesId).filter(Objects::nonNull).distinct().map(this::get)
                    .filter(Objects::nonNull).sorted(Comparator.comparing(Series::slug)).toList();
        }
    }

    /** The pages of the series in scope that have a public occurrence, from the listing {@code entries}. */
    private List<SiteObject> seriesPages(List<Event> entries, SeriesScope scope) {
        List<Series> series = scope.touched() == null ? scope.lookup().withPages(entries)
                : scope.touched().isEmpty() ? List.of()
                : scope.lookup().withPages(entries).stream().filter(s -> scope.touched().contains(s.id())).toList();
        Instant now = clock.instant();
        return series.stream().map(s -> renderer.seriesPage(s,
                entries.stream().filter(e -> s.id().equals(e.seriesId())).toList(), now)).toList();
    }

    /**
     * The series whose pages a batch may change: those whose items changed, and those of the changed events before
     * and after the change (an event can leave the listing, or be an occurrence of none any more).
     */
    private static Set<String> touchedSeries(Collection<String> seriesIds, Map<String, Event> current,
                                             List<Event> listed) {
        Set<String> touched = new LinkedHashSet<>(seriesIds);
        current.values().stream().filter(Objects::nonNull).map(Event::seriesId)
                .filter(Objects::nonNull).forEach(touched::add);
        listed.stream().filter(e -> current.containsKey(e.id()) && e.seriesId() != null).map(Event::seriesId)
                .forEach(touched::add);
        return touched;
    }

    /**
     * What to write for a listing.
     *
     * @param changed  objects known to differ from the bucket
     * @param toCheck  objects to compare with the bucket first
     * @param dropped  archive pages past the new end (the archive got shorter), or {@code null} when not known: then
     *                 the bucket is asked which pages follow {@code lastPage}
     * @param lastPage number of the last index page
     */
    private record Listings(List<SiteObject> changed, List<SiteObject> toCheck, List<String> dropped, int lastPage) {
    }

    /**
     * The index pages, feed and sitemap for {@code entries}. Given the listing they were last written from, what
     * renders the same from both is known to be in place and what does not is known to differ, so neither needs a
     * look at the bucket; and an index page whose view is unchanged is not even rendered: an edit costs the same on a
     * site of ten events or a thousand. Without it, every object is checked against the bucket.
     */
    private Listings listings(List<Event> entries, List<Event> previous, SeriesScope scope) {
        Instant now = clock.instant();
        List<ListingView> views = renderer.indexViews(entries, now);
        List<SiteObject> changed = new ArrayList<>();
        // a series page may change with no change to the listing (a skipped date): always compared with the bucket
        List<SiteObject> toCheck = new ArrayList<>(seriesPages(entries, scope));
        SiteObject feed = renderer.feed(entries);
        SiteObject sitemap = renderer.sitemap(entries, views.size(), scope.lookup().withPages(entries));
        List<String> dropped = new ArrayList<>();
        if (previous == null) {
            views.forEach(v -> toCheck.add(renderer.indexPage(v)));
            toCheck.add(feed);
            toCheck.add(sitemap);
        } else {
            Rendered last = lastRendered;
            Optional<List<ListingView>> known = last == null ? Optional.empty() : last.viewsAt(previous, now);
            List<ListingView> before = known.orElseGet(() -> renderer.indexViews(previous, now));
            for (ListingView view : views) {
                if (view.page() > before.size() || !view.equals(before.get(view.page() - 1))) {
                    changed.add(renderer.indexPage(view));
                }
            }
            if (!feed.sha256().equals(known.isPresent() ? last.feed() : renderer.feed(previous).sha256())) {
                changed.add(feed);
            }
            if (!sitemap.sha256().equals(known.isPresent() ? last.sitemap()
                    : renderer.sitemap(previous, before.size(), scope.lookup().withPages(previous)).sha256())) {
                changed.add(sitemap);
            }
            for (int page = views.size() + 1; page <= before.size(); page++) {
                dropped.add(PageRenderer.pageKey(page));
            }
        }
        if (!furnitureInPlace) {
            toCheck.addAll(renderer.furniture());
        }
        lastRendered = new Rendered(entries, now, views, feed.sha256(), sitemap.sha256());
        return new Listings(changed, toCheck, previous == null ? null : dropped, views.size());
    }

    private List<String> write(Listings listings) {
        CompletableFuture<List<String>> checked = listings.toCheck().isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> bucket.writeChanged(listings.toCheck()), WORK);
        List<String> written = new ArrayList<>(bucket.writeAll(listings.changed()));
        written.addAll(checked.join());
        furnitureInPlace = true;
        if (listings.dropped() == null) {
            written.addAll(dropPagesAfter(listings.lastPage()));
        } else {
            listings.dropped().forEach(bucket::delete);
            written.addAll(listings.dropped());
        }
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
        forEachPublicPage(events::addAll);
        return events;
    }

    private void forEachPublicPage(Consumer<List<Event>> pageConsumer) {
        String cursor = null;
        do {
            Page<Event> page = store.listPublic(Instant.EPOCH, FAR_FUTURE, cursor, LIST_PAGE);
            pageConsumer.accept(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
    }

    /** A read on the calling thread, failing as the pool's reads do. */
    private CompletableFuture<Optional<Event>> readHere(String id) {
        try {
            return CompletableFuture.completedFuture(store.get(id));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new CompletionException(e));
        }
    }

    /** For the bucket listing of a rebuild, which the writer's threads wait for: never queued behind them. */
    private static void ownThread(Runnable task) {
        Thread thread = new Thread(task, "bucket-listing");
        thread.setDaemon(true);
        thread.start();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
