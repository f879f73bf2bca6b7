package io.handbill.api;

import io.handbill.store.HandbillTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdempotencyStore} as {@code IDEMPOTENCY#<key>/IDEMPOTENCY} items of the single table. {@code expiresAt}
 * is the table's TTL attribute; since TTL deletes late (and not at all locally), an expired item counts as absent.
 */
final class DynamoDbIdempotencyStore implements IdempotencyStore {
    private static final String SK = "IDEMPOTENCY";

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbIdempotencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<IdempotencyRecord> reserve(IdempotencyRecord pending, Instant now) {
        // two rounds: the existing record may expire or be released between the failed put and the read
        for (int round = 0; round < 2; round++) {
            try {
                dynamo.putItem(r -> r.tableName(table).item(toItem(pending))
                        .conditionExpression("attribute_not_exists(#pk) OR #ttl < :now")
                        .expressionAttributeNames(Map.of("#pk", HandbillTable.PK, "#ttl", HandbillTable.TTL))
                        .expressionAttributeValues(Map.of(":now", epochSeconds(now))));
                return Optional.empty();
            } catch (ConditionalCheckFailedException taken) {
                Optional<IdempotencyRecord> existing = get(pending.key());
                if (existing.isPresent()) {
                    return existing;
                }
            }
        }
        throw new IllegalStateException("Idempotency key kept changing while being reserved");
    }

    @Override
    public void complete(IdempotencyRecord completed) {
        CreatedEvent response = completed.response();
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(completed.key()))
                    .updateExpression("SET responseEtag = :etag, responseBody = :body")
                    .conditionExpression("eventId = :id")
                    .expressionAttributeValues(Map.of(":etag", AttributeValue.fromS(response.etag()),
                            ":body", AttributeValue.fromS(response.json()),
                            ":id", AttributeValue.fromS(completed.eventId()))));
        } catch (ConditionalCheckFailedException e) {
            // the key expired and was reused for another create: that one owns it now
        }
    }

    @Override
    public void release(IdempotencyRecord pending) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(key(pending.key()))
                    .conditionExpression("eventId = :id AND attribute_not_exists(responseBody)")
                    .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(pending.eventId()))));
        } catch (ConditionalCheckFailedException e) {
            // already completed or taken over: nothing of ours to release
        }
    }

    private Optional<IdempotencyRecord> get(String idempotencyKey) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(idempotencyKey)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String eventId = item.get("eventId").s();
        CreatedEvent response = item.containsKey("responseBody")
                ? new CreatedEvent(eventId, item.get("responseEtag").s(), item.get("responseBody").s(), false)
                : null;
        return Optional.of(new IdempotencyRecord(idempotencyKey, item.get("requestHash").s(), eventId,
                Instant.ofEpochSecond(Long.parseLong(item.get(HandbillTable.TTL).n())), response));
    }

    private static Map<String, AttributeValue> toItem(IdempotencyRecord record) {
        var item = new HashMap<>(key(record.key()));
        item.put("requestHash", AttributeValue.fromS(record.requestHash()));
        item.put("eventId", AttributeValue.fromS(record.eventId()));
        item.put(HandbillTable.TTL, epochSeconds(record.expiresAt()));
        return item;
    }

    private static Map<String, AttributeValue> key(String idempotencyKey) {
        return Map.of(HandbillTable.PK, AttributeValue.fromS("IDEMPOTENCY#" + idempotencyKey),
                HandbillTable.SK, AttributeValue.fromS(SK));
    }

    private static AttributeValue epochSeconds(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.getEpochSecond()));
    }
}
