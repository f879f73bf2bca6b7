package io.handbill.render;

import io.handbill.model.Event;

import java.util.List;
import java.util.Optional;

/** A fast fake of {@link PublicListing}'s storage, with the same conditional commit; the real one runs on dynalite. */
final class InMemoryListingStore implements ListingStore {
    private PublicListing.Snapshot stored;

    @Override
    public synchronized Optional<PublicListing.Snapshot> read() {
        return Optional.ofNullable(stored);
    }

    @Override
    public synchronized long version() {
        return stored == null ? 0 : stored.version();
    }

    @Override
    public synchronized boolean commit(long expectedVersion, List<Event> entries) {
        if (version() != expectedVersion) {
            return false;
        }
        stored = new PublicListing.Snapshot(expectedVersion + 1, List.copyOf(entries));
        return true;
    }
}
