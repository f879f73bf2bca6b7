package io.handbill.render.bench;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Counts the SDK calls of the clients it is added to, and adds up their time, by service and operation
 * ({@code S3.PutObject}). Calls overlap, so the sums can exceed the wall time of what made them.
 */
final class CallTimes implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("bench.started");

    private final Map<String, LongAdder[]> byOperation = new ConcurrentHashMap<>();

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
        counters[1].add(System.nanoTime() - attributes.getAttribute(STARTED));
    }

    void clear() {
        byOperation.clear();
    }

    /** {@code S3.PutObject 3× 4.1 ms, DynamoDb.GetItem 2× 1.9 ms}: calls and their summed time. */
    String summary() {
        return new TreeMap<>(byOperation).entrySet().stream()
                .map(e -> String.format("%s %d× %.1f ms", e.getKey(), e.getValue()[0].sum(), e.getValue()[1].sum() / 1e6))
                .collect(Collectors.joining(", "));
    }
}
