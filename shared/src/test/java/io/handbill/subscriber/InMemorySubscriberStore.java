package io.handbill.subscriber;

import io.handbill.store.Page;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A fast fake of {@link SubscriberStore} for service unit tests; the real adapter is proven against dynalite. */
public class InMemorySubscriberStore implements SubscriberStore {
    private final ConcurrentSkipListMap<String, Subscriber> subscribers = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Subscriber> get(String key) {
        return Optional.ofNullable(subscribers.get(key));
    }

    @Override
    public boolean create(Subscriber subscriber) {
        return subscribers.putIfAbsent(subscriber.key(), subscriber) == null;
    }

    @Override
    public synchronized boolean update(Subscriber next) {
        Subscriber stored = subscribers.get(next.key());
        if (stored == null || stored.version() != next.version() - 1) {
            return false;
        }
        subscribers.put(next.key(), next);
        return true;
    }

    @Override
    public Page<Subscriber> list(String afterKey, int limit) {
        return page(afterKey, limit, false);
    }

    @Override
    public Page<Subscriber> confirmed(String afterKey, int limit) {
        return page(afterKey, limit, true);
    }

    private Page<Subscriber> page(String afterKey, int limit, boolean confirmedOnly) {
        Map<String, Subscriber> tail = afterKey == null ? subscribers : subscribers.tailMap(afterKey, false);
        List<Subscriber> scanned = tail.values().stream().limit(limit).toList();
        String next = scanned.size() == limit && tail.size() > limit ? scanned.get(limit - 1).key() : null;
        return new Page<>(scanned.stream()
                .filter(s -> !confirmedOnly || s.state() == SubscriberState.CONFIRMED).toList(), next);
    }

    public List<Subscriber> all() {
        return List.copyOf(subscribers.values());
    }
}
