package io.handbill.subscribe;

import java.time.Duration;
import java.time.Instant;

/**
 * Counters that every instance of the function shares, for the subscribe limits: at most {@code limit} takes per
 * key in each {@code window} (fixed windows, counted from the epoch). Keys arrive hashed.
 */
public interface CooldownStore {

    /**
     * Counts one take of {@code key} in the window holding {@code now}.
     *
     * @return false, counting nothing, when the window already holds {@code limit} takes
     */
    boolean take(String key, int limit, Duration window, Instant now);

    /** Gives back one take of {@code key} in the window holding {@code now}, after the work it paid for failed. */
    void giveBack(String key, Duration window, Instant now);
}
