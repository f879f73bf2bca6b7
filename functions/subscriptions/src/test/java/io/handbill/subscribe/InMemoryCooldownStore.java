package io.handbill.subscribe;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fake of {@link CooldownStore} for unit tests; {@link DynamoDbCooldownStore} is proven on dynalite. */
final class InMemoryCooldownStore implements CooldownStore {
    private final Map<String, Integer> taken = new ConcurrentHashMap<>();

    @Override
    public boolean take(String key, int limit, Duration window, Instant now) {
        String slot = key + "#" + now.getEpochSecond() / window.toSeconds();
        boolean[] took = {false};
        taken.compute(slot, (k, n) -> {
            int count = n == null ? 0 : n;
            took[0] = count < limit;
            return took[0] ? count + 1 : count;
        });
        return took[0];
    }

    @Override
    public void giveBack(String key, Duration window, Instant now) {
        taken.computeIfPresent(key + "#" + now.getEpochSecond() / window.toSeconds(), (k, n) -> Math.max(0, n - 1));
    }
}
