package io.handbill.testkit;

import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.HandbillTable;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an integration test gets from {@link LocalAwsExtension}: SDK clients pointed at the local emulators (with few
 * retries, so a failure shows at once), the table and bucket they hold, the SES stub's outbox and fault controls,
 * and the environment that points a child JVM at the same emulators.
 */
public final class LocalAws {
    public static final String TABLE = "handbill-events";
    public static final String BUCKET = "handbill-pages";

    private final AwsEmulators emulators;
    private final String table;
    private final String bucket;
    private final ClientOverrideConfiguration fewRetries;
    private final DynamoDbClient dynamoDb;
    private final S3Client s3;
    private final SesV2Client sesV2;

    private LocalAws(AwsEmulators emulators, String table, String bucket) {
        this.emulators = emulators;
        this.table = table;
        this.bucket = bucket;
        AwsEndpoints endpoints = emulators.endpoints();
        this.fewRetries = ClientOverrideConfiguration.builder()
                .retryStrategy(fewRetries())
                .apiCallTimeout(Duration.ofSeconds(20))
                .build();
        this.dynamoDb = dynamoDbClient(fewRetries);
        this.s3 = AwsEndpoints.at(endpoints.s3(), S3Client.builder()).forcePathStyle(true)
                .overrideConfiguration(fewRetries).build();
        this.sesV2 = AwsEndpoints.at(endpoints.sesV2(), SesV2Client.builder()).overrideConfiguration(fewRetries).build();
    }

    private DynamoDbClient dynamoDbClient(ClientOverrideConfiguration configuration) {
        return AwsEndpoints.at(emulators.endpoints().dynamoDb(), DynamoDbClient.builder())
                .overrideConfiguration(configuration).build();
    }

    /** Wraps running emulators, creating the table and bucket unless they exist (a persisted data directory). */
    public static LocalAws on(AwsEmulators emulators, String table, String bucket) {
        LocalAws aws = new LocalAws(emulators, table, bucket);
        aws.createTableAndBucket();
        return aws;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    /** A new client like {@link #dynamoDb()} that also runs {@code interceptor}, e.g. to see every call it sends. */
    public DynamoDbClient dynamoDbWith(ExecutionInterceptor interceptor) {
        return dynamoDbClient(fewRetries.toBuilder().addExecutionInterceptor(interceptor).build());
    }

    /**
     * Clients of all three services that run {@code faults} and retry as the functions' clients do in AWS (the SDK's
     * standard retry conditions and three attempts; only the backoff is shortened), so that a fault meets the same
     * retries it would in production.
     */
    public FaultyClients withFaults(FaultInjector faults) {
        var configuration = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(FaultyClients.ATTEMPTS)
                        .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                        .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(5)))
                        .circuitBreakerEnabled(false).build())
                .apiCallTimeout(Duration.ofSeconds(20))
                .addExecutionInterceptor(faults)
                .build();
        AwsEndpoints endpoints = emulators.endpoints();
        return new FaultyClients(dynamoDbClient(configuration),
                AwsEndpoints.at(endpoints.s3(), S3Client.builder()).forcePathStyle(true)
                        .overrideConfiguration(configuration).build(),
                AwsEndpoints.at(endpoints.sesV2(), SesV2Client.builder()).overrideConfiguration(configuration)
                        .build());
    }

    /** SDK clients behind a {@link FaultInjector}. */
    public record FaultyClients(DynamoDbClient dynamoDb, S3Client s3, SesV2Client sesV2) {
        /** Attempts per call, as the SDK's standard retry mode makes. */
        public static final int ATTEMPTS = 3;
    }

    /** Path-style, as S3Proxy and LocalStack need. */
    public S3Client s3() {
        return s3;
    }

    public SesV2Client sesV2() {
        return sesV2;
    }

    public String tableName() {
        return table;
    }

    public String bucketName() {
        return bucket;
    }

    public DynamoDbEventStore eventStore() {
        return new DynamoDbEventStore(dynamoDb, table);
    }

    /** Messages the SES stub accepted, oldest first. */
    public List<SentEmail> sentEmails() {
        return emulators.ses().sentEmails();
    }

    /** The SES stub's fault controls. */
    public SesStub ses() {
        return emulators.ses();
    }

    public AwsEndpoints endpoints() {
        return emulators.endpoints();
    }

    /**
     * Everything a child JVM needs to run a function's no-arg constructor against these emulators:
     * {@code AWS_ENDPOINT_URL_*}, region, dummy credentials, {@code EVENTS_TABLE} and {@code PAGES_BUCKET}.
     */
    public Map<String, String> environment() {
        var env = new LinkedHashMap<>(emulators.endpoints().environment());
        env.put("EVENTS_TABLE", table);
        env.put("PAGES_BUCKET", bucket);
        return env;
    }

    /** Empties the table, the bucket and the outbox and clears SES faults; the extension calls it before each test. */
    public void reset() {
        emptyTable();
        emptyBucket();
        emulators.ses().reset();
    }

    private void createTableAndBucket() {
        try {
            dynamoDb.describeTable(r -> r.tableName(table));
        } catch (ResourceNotFoundException e) {
            dynamoDb.createTable(HandbillTable.createTableRequest(table));
            dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table),
                    w -> w.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(20))).maxAttempts(500));
        }
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(r -> r.bucket(bucket));
        }
    }

    private void emptyTable() {
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(r -> r.tableName(table)
                .projectionExpression("#pk, #sk")
                .expressionAttributeNames(Map.of("#pk", HandbillTable.PK, "#sk", HandbillTable.SK))).items()) {
            deletes.add(WriteRequest.builder().deleteRequest(d -> d.key(item)).build());
        }
        for (int from = 0; from < deletes.size(); from += 25) {
            List<WriteRequest> batch = deletes.subList(from, Math.min(from + 25, deletes.size()));
            Map<String, List<WriteRequest>> unprocessed = Map.of(table, batch);
            while (!unprocessed.isEmpty()) {
                Map<String, List<WriteRequest>> pending = unprocessed;
                unprocessed = dynamoDb.batchWriteItem(r -> r.requestItems(pending)).unprocessedItems();
            }
        }
    }

    private void emptyBucket() {
        while (true) {
            List<ObjectIdentifier> keys = s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                    .map(S3Object::key).map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            if (keys.isEmpty()) {
                return;
            }
            s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(keys).quiet(true)));
        }
    }

    private static StandardRetryStrategy fewRetries() {
        return StandardRetryStrategy.builder()
                .maxAttempts(2)
                .backoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
                .throttlingBackoffStrategy(BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
                .circuitBreakerEnabled(false)
                .build();
    }
}
