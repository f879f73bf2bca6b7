package io.handbill.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of {@link IdempotencyStore} with the same conditional semantics as the DynamoDB one. */
class InMemoryIdempotencyStore implements IdempotencyStore {
    private final Map<String, IdempotencyRecord> records = new ConcurrentHashMap<>();

    @Override
    public synchronized Optional<IdempotencyRecord> reserve(IdempotencyRecord pending, Instant now) {
        IdempotencyRecord existing = records.get(pending.key());
        if (existing != null && !existing.expiresAt().isBefore(now)) {
            return Optional.of(existing);
        }
        records.put(pending.key(), pending);
        return Optional.empty();
    }

    @Override
    public synchronized void complete(IdempotencyRecord completed) {
        records.computeIfPresent(completed.key(),
                (k, current) -> current.eventId().equals(completed.eventId()) ? completed : current);
    }

    @Override
    public synchronized void release(IdempotencyRecord pending) {
        records.computeIfPresent(pending.key(),
                (k, current) -> current.eventId().equals(pending.eventId()) && !current.isComplete() ? null : current);
    }

    List<IdempotencyRecord> all() {
        return List.copyOf(records.values());
    }
}
