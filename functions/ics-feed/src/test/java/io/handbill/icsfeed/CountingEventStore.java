package io.handbill.icsfeed;

import io.handbill.model.Event;
import io.handbill.store.EventListing;
import io.handbill.store.EventStore;
import io.handbill.store.Page;
import io.handbill.store.SiteVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records which store operations a request made, in order, before passing them on. */
final class CountingEventStore implements EventStore {
    private final EventStore delegate;
    private final List<String> calls = new ArrayList<>();

    CountingEventStore(EventStore delegate) {
        this.delegate = delegate;
    }

    List<String> calls() {
        return List.copyOf(calls);
    }

    void clear() {
        calls.clear();
    }

    @Override
    public void create(Event event) {
        calls.add("create");
        delegate.create(event);
    }

    @Override
    public Optional<Event> get(String id) {
        calls.add("get");
        return delegate.get(id);
    }

    @Override
    public Optional<Event> findBySlug(String slug) {
        calls.add("findBySlug");
        return delegate.findBySlug(slug);
    }

    @Override
    public Optional<Event> findByAlias(String key) {
        calls.add("findByAlias");
        return delegate.findByAlias(key);
    }

    @Override
    public void update(Event next) {
        calls.add("update");
        delegate.update(next);
    }

    @Override
    public void delete(String id, long expectedVersion) {
        calls.add("delete");
        delegate.delete(id, expectedVersion);
    }

    @Override
    public Page<Event> list(EventListing listing) {
        calls.add("list");
        return delegate.list(listing);
    }

    @Override
    public Page<Event> listPublic(Instant from, Instant to, String cursor, int limit) {
        calls.add("listPublic");
        return delegate.listPublic(from, to, cursor, limit);
    }

    @Override
    public SiteVersion siteVersion() {
        calls.add("siteVersion");
        return delegate.siteVersion();
    }

    @Override
    public SiteVersion bumpSiteVersion(Instant now) {
        calls.add("bumpSiteVersion");
        return delegate.bumpSiteVersion(now);
    }
}
