package io.handbill.testkit;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault layer in front of the emulators, as an SDK interceptor on a client ({@link LocalAws#withFaults}): it
 * makes chosen attempts of an operation ({@code PutItem}, {@code PutObject}, {@code SendEmail}) fail the way AWS
 * fails — throttled before anything happened, or a 500, a timeout or a dropped connection <em>after</em> the
 * emulator applied the request ("applied then lost", the case a retry must not double). It counts every attempt
 * per operation, so a test can first learn a function's calls and then break each of them in turn.
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
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** A planned fault: attempts {@code from} to {@code from + times - 1} (1-based, counted from now) of an operation. */
    private record Plan(String operation, int from, int times, Fault fault, int base) {
        boolean covers(int attempt) {
            return attempt > base + from - 1 && attempt <= base + from - 1 + times;
        }
    }

    /**
     * Makes the {@code nth} attempt of {@code operation} from now on, and the {@code times - 1} after it, fail with
     * {@code fault}. With {@code times} at least the client's attempts the function sees the failure; with one,
     * the SDK's own retry meets it.
     */
    public FaultInjector inject(Fault fault, String operation, int nth, int times) {
        plans.add(new Plan(operation, nth, times, fault, count(operation)));
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
        int attempt = attempts.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
        calls.add(service + "." + operation);
        Fault fault = plans.stream().filter(p -> p.operation().equals(operation) && p.covers(attempt))
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
