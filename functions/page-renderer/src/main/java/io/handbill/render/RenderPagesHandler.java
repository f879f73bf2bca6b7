package io.handbill.render;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.json.Json;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.EventKeys;
import io.handbill.store.HandbillTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishes pages when events change. Invoked by the table's DynamoDB stream (keys only): re-reads each changed event
 * and reports the records of events it could not publish as partial batch failures. Invoked with
 * {@code {"action":"rebuild"}} it rebuilds the whole site, writing what differs from the bucket
 * ({@code "everything":true} writes every object, for a release that changes only headers); with {@code {"action":"refresh"}} (on a schedule) it
 * re-renders the index, feed and sitemap, so that events pass from "upcoming" to "past" as time goes by.
 */
public final class RenderPagesHandler implements RequestStreamHandler {
    private static final Logger log = LoggerFactory.getLogger(RenderPagesHandler.class);

    private final SitePublisher publisher;

    public RenderPagesHandler() {
        this(PageRendererConfig.from(Env.processVariables()), AwsClients.dynamoDb(), AwsClients.s3(),
                Clock.systemUTC());
    }

    /** The function's wiring, on the given clients: the runtime and the local stack use it. */
    public RenderPagesHandler(PageRendererConfig config, DynamoDbClient dynamo, S3Client s3, Clock clock) {
        this(publisher(config, dynamo, s3, clock));
    }

    public RenderPagesHandler(SitePublisher publisher) {
        this.publisher = publisher;
    }

    /** What the function publishes with; the local stack also rebuilds the whole site with it. */
    public static SitePublisher publisher(PageRendererConfig config, DynamoDbClient dynamo, S3Client s3, Clock clock) {
        return new SitePublisher(new DynamoDbEventStore(dynamo, config.eventsTable()),
                new PublicListing(dynamo, config.eventsTable()), new PageRenderer(config.site()),
                new BucketWriter(s3, config.pagesBucket()), clock);
    }

    /**
     * A run outside Lambda with the deployable jar alone ({@code java -cp page-renderer.jar
     * io.handbill.render.RenderPagesHandler request.json}): the response is the last line on standard output, after
     * the log lines.
     */
    public static void main(String[] args) throws IOException {
        try (InputStream request = Files.newInputStream(Path.of(args[0]))) {
            new RenderPagesHandler().handleRequest(request, System.out, null);
        }
        System.out.println();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = Json.MAPPER.readTree(input);
        Object response;
        if (request.has("Records")) {
            response = handleRequest(streamEvent(request), context);
        } else if ("rebuild".equals(request.path("action").asText())) {
            SitePublisher.Outcome outcome = publisher.rebuildAll(request.path("everything").asBoolean(false));
            log.info("Rebuilt the site: {} objects written", outcome.written().size());
            response = Map.of("written", outcome.written().size());
        } else if ("refresh".equals(request.path("action").asText())) {
            // time moves events from "upcoming" to "past" with no edit to trigger a render: a schedule sends this
            SitePublisher.Outcome outcome = publisher.publish(List.of());
            log.info("Refreshed the listings: {} objects written", outcome.written().size());
            response = Map.of("written", outcome.written().size());
        } else {
            throw new IllegalArgumentException(
                    "Expected a DynamoDB stream batch, {\"action\":\"rebuild\"} or {\"action\":\"refresh\"}");
        }
        Json.MAPPER.writeValue(output, response);
    }

    /**
     * One stream batch: event records publish their events, alias-claim records settle their paths (a freed alias
     * loses its redirect); records of other items (slugs, subscribers, ...) are ignored.
     */
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        Map<String, List<String>> sequencesByEvent = new LinkedHashMap<>();
        Map<String, List<String>> sequencesByAlias = new LinkedHashMap<>();
        for (DynamodbStreamRecord record : event.getRecords()) {
            Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
            String pk = keys.get(HandbillTable.PK) == null ? null : keys.get(HandbillTable.PK).getS();
            String sk = keys.get(HandbillTable.SK) == null ? null : keys.get(HandbillTable.SK).getS();
            String sequence = record.getDynamodb().getSequenceNumber();
            EventKeys.eventId(pk, sk).ifPresent(eventId -> sequencesByEvent
                    .computeIfAbsent(eventId, id -> new ArrayList<>()).add(sequence));
            EventKeys.aliasKey(pk, sk).ifPresent(aliasKey -> sequencesByAlias
                    .computeIfAbsent(aliasKey, key -> new ArrayList<>()).add(sequence));
        }
        if (sequencesByEvent.isEmpty() && sequencesByAlias.isEmpty()) {
            return new StreamsEventResponse(List.of());
        }
        SitePublisher.Outcome outcome = publisher.publish(sequencesByEvent.keySet(), sequencesByAlias.keySet());
        List<BatchItemFailure> failures = new ArrayList<>();
        outcome.failedEventIds().stream().flatMap(id -> sequencesByEvent.getOrDefault(id, List.of()).stream())
                .map(BatchItemFailure::new).forEach(failures::add);
        outcome.failedAliasKeys().stream().flatMap(key -> sequencesByAlias.get(key).stream())
                .map(BatchItemFailure::new).forEach(failures::add);
        log.info("Published {} events and settled {} aliases: {} objects written, {} events and {} aliases failed",
                sequencesByEvent.size(), sequencesByAlias.size(), outcome.written().size(),
                outcome.failedEventIds().size(), outcome.failedAliasKeys().size());
        return new StreamsEventResponse(failures);
    }

    /** The keys and sequence numbers of a stream batch: all a keys-only stream carries, and all we read. */
    private static DynamodbEvent streamEvent(JsonNode request) {
        List<DynamodbStreamRecord> records = new ArrayList<>();
        for (JsonNode json : request.get("Records")) {
            JsonNode dynamodb = json.path("dynamodb");
            StreamRecord stream = new StreamRecord().withSequenceNumber(dynamodb.path("SequenceNumber").asText());
            dynamodb.path("Keys").fields().forEachRemaining(key ->
                    stream.addKeysEntry(key.getKey(), new AttributeValue().withS(key.getValue().path("S").asText())));
            DynamodbStreamRecord record = new DynamodbStreamRecord();
            record.setEventID(json.path("eventID").asText());
            record.setEventName(json.path("eventName").asText());
            record.setDynamodb(stream);
            records.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }
}
