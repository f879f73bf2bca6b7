package io.handbill.store;

import io.handbill.model.Event;

import java.time.Instant;
import java.util.Optional;

/**
 * Where events live. Every write is a single-item conditional write; none overwrites a change it did not see.
 */
public interface EventStore {

    /**
     * Stores a new event and claims its slug.
     *
     * @throws SlugTakenException when another event has the slug
     * @throws VersionConflictException when an event with this id already exists
     */
    void create(Event event);

    /** The current event, read consistently. */
    Optional<Event> get(String id);

    /** The event that owns {@code slug}, if any. */
    Optional<Event> findBySlug(String slug);

    /**
     * Replaces the event if its stored version is still {@code next.version() - 1}.
     *
     * @throws VersionConflictException when it is not
     * @throws SlugTakenException       when the slug changed to one another event owns
     */
    void update(Event next);

    /** Deletes the event and frees its slug, if its stored version is still {@code expectedVersion}. */
    void delete(String id, long expectedVersion);

    /** Admin listing, drafts included. */
    Page<Event> list(EventListing listing);

    /** Published and cancelled events starting in {@code [from, to)}, soonest first. */
    Page<Event> listPublic(Instant from, Instant to, String cursor, int limit);

    SiteVersion siteVersion();

    /** Raises the site version; called after every write the public can see. */
    SiteVersion bumpSiteVersion(Instant now);
}
