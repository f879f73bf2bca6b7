package io.handbill.store;

import io.handbill.model.Event;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
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

    /**
     * Raises the site version if one of {@code events} is public and changed after it: a writer that failed between
     * an event write and its raise left the feeds' validators short of that change (calendar apps would be answered
     * 304 for it). The raise is never dated before the change, even by a clock behind the writer's, so a repeat of
     * this call finds it covered.
     *
     * @return the public event that was not covered, if there was one
     */
    default Optional<Event> raiseSiteVersionToCover(Collection<Event> events, Instant now) {
        Instant covered = siteVersion().updatedAt();
        Optional<Event> latest = events.stream()
                .filter(e -> e.status().isPublic() && e.updatedAt() != null && e.updatedAt().isAfter(covered))
                .max(Comparator.comparing(Event::updatedAt));
        latest.ifPresent(e -> bumpSiteVersion(now.isAfter(e.updatedAt()) ? now : e.updatedAt()));
        return latest;
    }
}
