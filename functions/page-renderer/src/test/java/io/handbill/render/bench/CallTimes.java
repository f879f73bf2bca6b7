package io.handbill.render.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Counts the SDK calls of the clients it is added to, and adds up their time, by service and operation
 * ({@code S3.PutObject}). Calls overlap, so the sums can exceed the wall time of what made them.
 */
final class CallTimes implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");

    private final Map<String, LongAdder[]> byOperation = new ConcurrentHashMap<>();
    /** Each call's name, start and end (nanoTime), in the order they ended: the timeline of one operation. */
    private final Queue<Object[]> calls = new ConcurrentLinkedQueue<>();
    private volatile long origin = System.nanoTime();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes); // a HEAD of a missing object is a failure to the SDK, and a normal answer here
    }

    private void record(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        LongAdder[] counters = byOperation.computeIfAbsent(name, n -> new LongAdder[]{new LongAdder(), new LongAdder()});
        counters[0].increment();
        long end = System.nanoTime();
        counters[1].add(end - attributes.getAttribute(STARTED));
        calls.add(new Object[]{name, attributes.getAttribute(STARTED), end});
    }

    /** Forgets the calls so far; the timeline counts from now. */
    void clear() {
        byOperation.clear();
        calls.clear();
        origin = System.nanoTime();
    }

    /**
     * {@code DynamoDb.GetItem 0.2–1.9, S3.PutObject 4.0–9.3, ...}: each call's start and end in ms since
     * {@link #clear()}, by start; what lies on the critical path shows as calls that wait for each other.
     */
    String timeline() {
        long zero = origin;
        return calls.stream().sorted(Comparator.comparingLong(c -> (long) c[1]))
                .map(c -> String.format(Locale.ROOT, "%s %.1f–%.1f", c[0], ((long) c[1] - zero) / 1e6,
                        ((long) c[2] - zero) / 1e6))
                .collect(Collectors.joining(", "));
    }

    /** {@code S3.PutObject 3× 4.1 ms, DynamoDb.GetItem 2× 1.9 ms}: calls and their summed time. */
    String summary() {
        return new TreeMap<>(byOperation).entrySet().stream()
                .map(e -> String.format("%s %d× %.1f ms", e.getKey(), e.getValue()[0].sum(), e.getValue()[1].sum() / 1e6))
                .collect(Collectors.joining(", "));
    }
}
