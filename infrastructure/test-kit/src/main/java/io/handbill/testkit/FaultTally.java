package io.handbill.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fault test saw over all its cases, for its closing line: named counts in the order given (cases, lost,
 * duplicated, …) and the faults its injectors made, by "Operation KIND".
 */
public final class FaultTally {
    private final String function;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Integer> injected = new TreeMap<>();

    public FaultTally(String function, String... counts) {
        this.function = function;
        for (String name : counts) {
            this.counts.put(name, 0);
        }
    }

    public synchronized void add(String count, int by) {
        if (!counts.containsKey(count)) {
            throw new IllegalArgumentException("not a count of this tally: " + count);
        }
        counts.merge(count, by, Integer::sum);
    }

    public synchronized void injected(String kind, int times) {
        injected.merge(kind, times, Integer::sum);
    }

    public synchronized void injectedBy(FaultInjector faults) {
        faults.injected().forEach(this::injected);
    }

    public synchronized int get(String count) {
        return counts.get(count);
    }

    /** {@code [faults] <function>: 90 cases, 0 lost, …; injected {…}} */
    public synchronized String line() {
        StringBuilder line = new StringBuilder("[faults] ").append(function).append(": ");
        counts.forEach((name, count) -> line.append(count).append(' ').append(name).append(", "));
        return line.append("injected ").append(injected).toString();
    }
}
