package io.handbill.subscriber;

import io.handbill.store.Page;

import java.util.Optional;

/**
 * Where subscribers live: one partition, sorted by normalised address, so the reminder sweep and the admin export
 * page through everyone with a single query. Writes are conditional on the version read.
 */
public interface SubscriberStore {

    Optional<Subscriber> get(String key);

    /**
     * Stores a new subscriber.
     *
     * @return false when one with this key exists already (nothing is written)
     */
    boolean create(Subscriber subscriber);

    /**
     * Replaces the subscriber if its stored version is still {@code next.version() - 1}.
     *
     * @return false when it is not (nothing is written)
     */
    boolean update(Subscriber next);

    /**
     * One page of subscribers by key, all states.
     *
     * @param afterKey the last key of the previous page ({@link Page#nextCursor()}), or {@code null} to start
     */
    Page<Subscriber> list(String afterKey, int limit);

    /**
     * One page of CONFIRMED subscribers by key. The page may hold fewer than {@code limit} (others are skipped)
     * and still have a next cursor.
     */
    Page<Subscriber> confirmed(String afterKey, int limit);
}
