package io.handbill.store;

import io.handbill.model.Aliases;
import io.handbill.model.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fast fake of {@link EventStore} for service unit tests; the real adapter is proven against dynalite. */
public class InMemoryEventStore implements EventStore {
    private final Map<String, Event> events = new ConcurrentHashMap<>();
    private SiteVersion siteVersion = SiteVersion.INITIAL;

    @Override
    public synchronized void create(Event event) {
        if (events.containsKey(event.id())) {
            throw new VersionConflictException(event.id());
        }
        if (findBySlug(event.slug()).isPresent()) {
            throw new SlugTakenException(event.slug());
        }
        checkAliases(event);
        events.put(event.id(), event);
    }

    @Override
    public Optional<Event> get(String id) {
        return Optional.ofNullable(events.get(id));
    }

    @Override
    public Optional<Event> findBySlug(String slug) {
        return events.values().stream().filter(e -> e.slug().equals(slug)).findFirst();
    }

    @Override
    public Optional<Event> findByAlias(String key) {
        return events.values().stream().filter(e -> Aliases.keys(e).contains(key)).findFirst();
    }

    private void checkAliases(Event event) {
        for (int i = 0; i < event.aliases().size(); i++) {
            String alias = event.aliases().get(i);
            int index = i;
            Aliases.key(alias).flatMap(this::findByAlias).filter(other -> !other.id().equals(event.id()))
                    .ifPresent(other -> {
                        throw new AliasTakenException(alias, index);
                    });
        }
    }

    @Override
    public synchronized void update(Event next) {
        Event previous = events.get(next.id());
        if (previous == null) {
            throw new EventNotFoundException(next.id());
        }
        if (previous.version() != next.version() - 1) {
            throw new VersionConflictException(next.id());
        }
        findBySlug(next.slug()).filter(other -> !other.id().equals(next.id())).ifPresent(other -> {
            throw new SlugTakenException(next.slug());
        });
        checkAliases(next);
        events.put(next.id(), next);
    }

    @Override
    public synchronized void delete(String id, long expectedVersion) {
        Event previous = events.get(id);
        if (previous == null) {
            throw new EventNotFoundException(id);
        }
        if (previous.version() != expectedVersion) {
            throw new VersionConflictException(id);
        }
        events.remove(id);
    }

    @Override
    public Page<Event> list(EventListing listing) {
        Comparator<Event> byStart = Comparator.comparing(Event::startsAt).thenComparing(Event::id);
        List<Event> matching = new ArrayList<>(events.values().stream()
                .filter(e -> listing.status() == null || e.status() == listing.status())
                .filter(e -> switch (listing.when()) {
                    case UPCOMING -> !e.startsAt().isBefore(listing.now());
                    case PAST -> e.startsAt().isBefore(listing.now());
                    case ALL -> true;
                })
                .sorted(listing.when() == EventListing.When.PAST ? byStart.reversed() : byStart)
                .toList());
        return slice(matching, listing.cursor(), listing.limit());
    }

    @Override
    public Page<Event> listPublic(Instant from, Instant to, String cursor, int limit) {
        List<Event> matching = events.values().stream()
                .filter(e -> e.status().isPublic() && !e.startsAt().isBefore(from) && e.startsAt().isBefore(to))
                .sorted(Comparator.comparing(Event::startsAt).thenComparing(Event::id))
                .toList();
        return slice(matching, cursor, limit);
    }

    private static Page<Event> slice(List<Event> all, String cursor, int limit) {
        int from;
        try {
            from = cursor == null ? 0 : Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException();
        }
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(Math.min(from, to), to), to < all.size() ? Integer.toString(to) : null);
    }

    @Override
    public synchronized SiteVersion siteVersion() {
        return siteVersion;
    }

    @Override
    public synchronized SiteVersion bumpSiteVersion(Instant now) {
        siteVersion = new SiteVersion(siteVersion.value() + 1, now);
        return siteVersion;
    }

    public List<Event> all() {
        return List.copyOf(events.values());
    }
}
