package io.handbill.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.handbill.store.HandbillTable.PK;
import static io.handbill.store.HandbillTable.SK;

/**
 * Delivers recorded writes to the page renderer as Lambda's DynamoDB event source mapping would: in order, on one
 * worker, in batches (up to {@value #MAX_BATCH} records gathered over a short window), retrying from the first
 * failed record when the renderer reports partial failures or throws, then giving up on the batch (where AWS would
 * send it to the on-failure destination).
 */
final class RendererFeed implements Consumer<StreamChange>, AutoCloseable {
    static final int MAX_BATCH = 100;
    /** The renderer's timeout in template.yaml. */
    static final int TIMEOUT_MILLIS = 120_000;
    private static final Duration BATCH_WINDOW = Duration.ofMillis(30);
    private static final List<Duration> RETRY_DELAYS =
            List.of(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(3));
    private static final Logger log = LoggerFactory.getLogger(RendererFeed.class);

    private final BlockingQueue<StreamChange> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private final RequestHandler<DynamodbEvent, StreamsEventResponse> renderer;
    private final String streamArn;
    private final Thread worker;
    private volatile boolean running = true;

    RendererFeed(RequestHandler<DynamodbEvent, StreamsEventResponse> renderer, String table) {
        this.renderer = renderer;
        this.streamArn = "arn:aws:dynamodb:us-east-1:000000000000:table/" + table + "/stream/local";
        this.worker = new Thread(this::deliverForever, "renderer-feed");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    @Override
    public void accept(StreamChange change) {
        received.incrementAndGet();
        pending.incrementAndGet();
        queue.add(change);
    }

    /** How many writes to the table the stream has carried since the start. */
    long received() {
        return received.get();
    }

    /** Waits until every write recorded so far has been delivered (or given up on); for tests and seeding. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void deliverForever() {
        while (running) {
            List<StreamChange> batch = new ArrayList<>();
            try {
                batch.add(queue.take());
                Thread.sleep(BATCH_WINDOW.toMillis());
                queue.drainTo(batch, MAX_BATCH - 1);
                deliver(records(batch));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Stream batch of {} records was dropped", batch.size(), e);
            } finally {
                pending.addAndGet(-batch.size());
            }
        }
    }

    private void deliver(List<DynamodbEvent.DynamodbStreamRecord> records) throws InterruptedException {
        List<DynamodbEvent.DynamodbStreamRecord> remaining = records;
        for (int attempt = 0; ; attempt++) {
            remaining = invoke(remaining);
            if (remaining.isEmpty()) {
                return;
            }
            if (attempt == RETRY_DELAYS.size()) {
                log.error("Renderer failed {} stream records after {} retries; keys {}", remaining.size(), attempt,
                        remaining.stream().map(r -> r.getDynamodb().getKeys().get(PK).getS()).toList());
                return;
            }
            Thread.sleep(RETRY_DELAYS.get(attempt).toMillis());
        }
    }

    /** Runs the renderer once; returns the records to retry: from the first reported failure on, or all of them. */
    private List<DynamodbEvent.DynamodbStreamRecord> invoke(List<DynamodbEvent.DynamodbStreamRecord> records) {
        var event = new DynamodbEvent();
        event.setRecords(records);
        StreamsEventResponse response;
        try {
            response = renderer.handleRequest(event, LocalContext.startingNow("RenderPagesFunction",
                    UUID.randomUUID().toString(), TIMEOUT_MILLIS));
        } catch (RuntimeException e) {
            log.warn("Renderer threw on a batch of {} records", records.size(), e);
            return records;
        }
        if (response == null || response.getBatchItemFailures() == null
                || response.getBatchItemFailures().isEmpty()) {
            return List.of();
        }
        Set<String> failed = response.getBatchItemFailures().stream()
                .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
        for (int i = 0; i < records.size(); i++) {
            if (failed.contains(records.get(i).getDynamodb().getSequenceNumber())) {
                return records.subList(i, records.size());
            }
        }
        return records;
    }

    private List<DynamodbEvent.DynamodbStreamRecord> records(List<StreamChange> changes) {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (StreamChange change : changes) {
            var keys = new StreamRecord();
            keys.setKeys(Map.of(PK, new AttributeValue().withS(change.pk()), SK, new AttributeValue().withS(change.sk())));
            keys.setSequenceNumber(String.format("%021d", sequence.incrementAndGet()));
            keys.setSizeBytes((long) (change.pk().length() + change.sk().length()));
            keys.setStreamViewType(StreamViewType.KEYS_ONLY);
            keys.setApproximateCreationDateTime(new Date());
            var record = new DynamodbEvent.DynamodbStreamRecord();
            record.setEventID(UUID.randomUUID().toString().replace("-", ""));
            record.setEventName(change.kind().name());
            record.setEventVersion("1.1");
            record.setEventSource("aws:dynamodb");
            record.setAwsRegion("us-east-1");
            record.setEventSourceARN(streamArn);
            record.setDynamodb(keys);
            records.add(record);
        }
        return records;
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
    }
}
