package io.handbill.testkit;

import io.handbill.store.HandbillTable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A fault layer in front of the emulators, as an SDK interceptor on a client ({@link LocalAws#withFaults}): it
 * makes chosen attempts of an operation ({@code PutItem}, {@code PutObject}, {@code SendEmail}) fail the way AWS
 * fails — throttled before anything happened, or a 500, a timeout or a dropped connection <em>after</em> the
 * emulator applied the request ("applied then lost", the case a retry must not double). It counts every attempt
 * per operation, so a test can first learn a function's calls and then break each of them in turn: by their place
 * among the operation's attempts where the function makes them one after the other, or by their target (an S3 key,
 * a DynamoDB item's keys) where it makes them in parallel or skips some, and the n-th is a different call each run.
 */
public final class FaultInjector implements ExecutionInterceptor {
    public enum Fault {
        /** Refused before the emulator saw it: DynamoDB's ThrottlingException, S3's 503 SlowDown, SES's 429. */
        THROTTLED(false),
        /** Applied, then answered with a 500. */
        SERVER_ERROR_AFTER_APPLIED(true),
        /** Applied, then the response never came (a read timeout). */
        TIMEOUT_AFTER_APPLIED(true),
        /** Applied, then the connection was reset before the response. */
        DROPPED_AFTER_APPLIED(true);

        private final boolean applied;

        Fault(boolean applied) {
            this.applied = applied;
        }

        public boolean applied() {
            return applied;
        }
    }

    private static final ExecutionAttribute<Fault> FAULT = new ExecutionAttribute<>("handbill.fault");

    private final List<Plan> plans = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final Map<Attempt, AtomicInteger> targetAttempts = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Attempt> attemptsInOrder = new CopyOnWriteArrayList<>();

    /**
     * One attempt as the fault layer saw it: operation and target — the object key of an S3 object call, the
     * {@code pk}/{@code sk} of a DynamoDB item write, empty for anything else.
     */
    public record Attempt(String operation, String target) {
    }

    /**
     * One call of a run that makes its calls one after the other: the {@code nth} attempt of its operation, and what
     * it touched (for reading; generated ids may differ from run to run, the place does not).
     */
    public record Call(String operation, int nth, String target) {
        /**
         * The calls of a clean run that a test breaks in turn: every attempt of the operations in {@code every}, and
         * the first of those in {@code firstOnly}, in order, their targets passed through {@code label}.
         */
        public static List<Call> of(List<Attempt> attempts, Set<String> every, Set<String> firstOnly,
                                    UnaryOperator<String> label) {
            Map<String, Integer> nth = new HashMap<>();
            List<Call> calls = new ArrayList<>();
            for (Attempt attempt : attempts) {
                int n = nth.merge(attempt.operation(), 1, Integer::sum);
                if (every.contains(attempt.operation()) || firstOnly.contains(attempt.operation()) && n == 1) {
                    calls.add(new Call(attempt.operation(), n, label.apply(attempt.target())));
                }
            }
            return calls;
        }

        @Override
        public String toString() {
            return operation + " #" + nth + (target.isBlank() ? "" : " (" + target + ")");
        }
    }

    /**
     * A planned fault: attempts {@code from} to {@code from + times - 1} (1-based, counted from {@code base}) of an
     * operation, or of an operation on one target when {@code target} is not null.
     */
    private record Plan(String operation, String target, int from, int times, Fault fault, int base) {
        boolean covers(Attempt attempt, int nth, int nthOnTarget) {
            if (!operation.equals(attempt.operation()) || target != null && !target.equals(attempt.target())) {
                return false;
            }
            int counted = target == null ? nth : nthOnTarget;
            return counted > base + from - 1 && counted <= base + from - 1 + times;
        }
    }

    /**
     * Makes the {@code nth} attempt of {@code operation} from now on, and the {@code times - 1} after it, fail with
     * {@code fault}. With {@code times} at least the client's attempts the function sees the failure; with one,
     * the SDK's own retry meets it.
     */
    public FaultInjector inject(Fault fault, String operation, int nth, int times) {
        plans.add(new Plan(operation, null, nth, times, fault, count(operation)));
        return this;
    }

    /** Makes {@code call} of a run like the one it was found in, and the {@code times - 1} attempts after it, fail. */
    public FaultInjector inject(Fault fault, Call call, int times) {
        return inject(fault, call.operation(), call.nth(), times);
    }

    /** Makes the next {@code times} attempts of {@code operation} on {@code target} (see {@link Attempt}) fail. */
    public FaultInjector inject(Fault fault, Attempt on, int times) {
        AtomicInteger before = targetAttempts.get(on);
        plans.add(new Plan(on.operation(), on.target(), 1, times, fault, before == null ? 0 : before.get()));
        return this;
    }

    /** Removes every planned fault; counts stay. */
    public void clear() {
        plans.clear();
    }

    /** Every attempt so far, as "Service.Operation", in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** Every attempt so far with its target, in order. */
    public List<Attempt> attempts() {
        return List.copyOf(attemptsInOrder);
    }

    /** Attempts of an operation so far. */
    public int count(String operation) {
        AtomicInteger count = attempts.get(operation);
        return count == null ? 0 : count.get();
    }

    /** Faults injected so far, by "Operation KIND". */
    public Map<String, Integer> injected() {
        Map<String, Integer> counts = new TreeMap<>();
        injected.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    /** Once per attempt, retries included; a throttled attempt ends here, before anything is sent. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        Attempt attempt = new Attempt(operation, targetOf(context.request()));
        int nth = attempts.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
        int nthOnTarget = targetAttempts.computeIfAbsent(attempt, key -> new AtomicInteger()).incrementAndGet();
        calls.add(service + "." + operation);
        attemptsInOrder.add(attempt);
        Fault fault = plans.stream().filter(p -> p.covers(attempt, nth, nthOnTarget))
                .map(Plan::fault).findFirst().orElse(null);
        attributes.putAttribute(FAULT, fault);
        if (fault == null) {
            return;
        }
        injected.computeIfAbsent(operation + " " + fault, key -> new AtomicInteger()).incrementAndGet();
        if (fault == Fault.THROTTLED) {
            throw ServiceErrors.throttling(service);
        }
    }

    private static String targetOf(SdkRequest request) {
        if (request instanceof PutObjectRequest put) {
            return put.key();
        }
        if (request instanceof DeleteObjectRequest delete) {
            return delete.key();
        }
        if (request instanceof PutItemRequest put) {
            return itemKey(put.item());
        }
        if (request instanceof UpdateItemRequest update) {
            return itemKey(update.key());
        }
        if (request instanceof DeleteItemRequest delete) {
            return itemKey(delete.key());
        }
        return "";
    }

    private static String itemKey(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(HandbillTable.PK);
        AttributeValue sk = item.get(HandbillTable.SK);
        return (pk == null ? "" : pk.s()) + " " + (sk == null ? "" : sk.s());
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Fault fault = attributes.getAttribute(FAULT);
        if (fault == null) {
            return context.httpResponse();
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return switch (fault) {
            // what the SDK's HTTP stage makes of an IOException while it waits for the response
            case TIMEOUT_AFTER_APPLIED -> throw lost(new SocketTimeoutException("Read timed out"));
            case DROPPED_AFTER_APPLIED -> throw lost(new SocketException("Connection reset"));
            case SERVER_ERROR_AFTER_APPLIED, THROTTLED -> ServiceError.internal(service).response();
        };
    }

    private static SdkClientException lost(IOException cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage())
                .cause(cause).build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Fault fault = attributes.getAttribute(FAULT);
        if (fault == null) {
            return context.responseBody();
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return Optional.of(new ByteArrayInputStream(ServiceError.internal(service).body()
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** An error as each service writes it, so that the SDK unmarshals (and classifies) it as from AWS. */
    private record ServiceError(int status, Map<String, String> headers, String body) {
        static ServiceError internal(String service) {
            return switch (service) {
                case "DynamoDb" -> dynamoDb(500, "InternalServerError", "Internal server error");
                case "S3" -> s3(500, "InternalError", "We encountered an internal error. Please try again.");
                default -> json(500, "InternalFailure", "The request processing has failed.");
            };
        }

        private static ServiceError dynamoDb(int status, String type, String message) {
            return new ServiceError(status, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message + "\"}");
        }

        private static ServiceError s3(int status, String code, String message) {
            return new ServiceError(status, Map.of("Content-Type", "application/xml"),
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                            + "</Message><RequestId>fault</RequestId></Error>");
        }

        private static ServiceError json(int status, String type, String message) {
            return new ServiceError(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                    "{\"message\":\"" + message + "\"}");
        }

        SdkHttpResponse response() {
            var builder = SdkHttpResponse.builder().statusCode(status).statusText("Fault");
            headers.forEach(builder::putHeader);
            builder.putHeader("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
            return builder.build();
        }
    }
}
