package io.handbill.store;

import io.handbill.model.Event;

import java.time.Instant;
import java.util.Optional;

/**
 * Where events live. Every write is a single-item conditional write; none overwrites a change it did not see.
 */
public interface EventStore {

    /**
     * Stores a new event and claims its slug and aliases.
     *
     * @throws SlugTakenException when another event has the slug
     * @throws AliasTakenException when another event has one of the aliases (compared by {@link
     *                             io.handbill.model.Aliases#key}: the object they redirect from)
     * @throws VersionConflictException when an event with this id already exists
     */
    void create(Event event);

    /** The current event, read consistently. */
    Optional<Event> get(String id);

    /** The event that owns {@code slug}, if any. */
    Optional<Event> findBySlug(String slug);

    /** The event whose alias redirects from bucket key {@code key} ({@link io.handbill.model.Aliases#key}), if any. */
    Optional<Event> findByAlias(String key);

    /**
     * Replaces the event if its stored version is still {@code next.version() - 1}.
     *
     * @throws VersionConflictException when it is not
     * @throws SlugTakenException       when the slug changed to one another event owns
     * @throws AliasTakenException      when an added alias is one another event owns; removed aliases are freed
     */
    void update(Event next);

    /** Deletes the event and frees its slug and aliases, if its stored version is still {@code expectedVersion}. */
    void delete(String id, long expectedVersion);

    /** Admin listing, drafts included. */
    Page<Event> list(EventListing listing);

    /** Published and cancelled events starting in {@code [from, to)}, soonest first. */
    Page<Event> listPublic(Instant from, Instant to, String cursor, int limit);

    SiteVersion siteVersion();

    /** Raises the site version; called after every write the public can see. */
    SiteVersion bumpSiteVersion(Instant now);
}
