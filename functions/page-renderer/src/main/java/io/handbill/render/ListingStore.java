package io.handbill.render;

import io.handbill.model.Event;

import java.util.List;
import java.util.Optional;

/**
 * Where the publisher keeps its {@link PublicListing}: one versioned value, replaced only by a commit that saw the
 * latest version, so concurrent batches never lose each other's changes.
 */
public interface ListingStore {

    /** The stored listing, read consistently, or empty before the first publish. */
    Optional<PublicListing.Snapshot> read();

    /**
     * The last version this container read or committed, or else {@link #read()}. It may be stale: a {@link #commit}
     * on its version finds out, and {@link #version()} is the cheap check before relying on it otherwise.
     */
    default Optional<PublicListing.Snapshot> lastSeen() {
        return read();
    }

    /** The stored version only (0 before the first publish): a cheap check whether someone committed since. */
    long version();

    /**
     * Stores {@code entries} as version {@code expectedVersion + 1} if the stored version is still
     * {@code expectedVersion}; returns false when another batch got there first.
     */
    boolean commit(long expectedVersion, List<Event> entries);
}
