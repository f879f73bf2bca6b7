package io.handbill.subscriber;

import io.handbill.store.HandbillTable;
import io.handbill.store.Page;
import io.handbill.store.VersionedWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link SubscriberStore} on the single table: items {@code SUBSCRIBERS / <normalised address>}. */
public record DynamoDbSubscriberStore(DynamoDbClient dynamo, String table) implements SubscriberStore {
    static final String PARTITION = "SUBSCRIBERS";

    @Override
    public Optional<Subscriber> get(String key) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean create(Subscriber subscriber) {
        return VersionedWrites.create(dynamo, table, toItem(subscriber));
    }

    @Override
    public boolean update(Subscriber next) {
        return VersionedWrites.put(dynamo, table, toItem(next), next.version() - 1);
    }

    @Override
    public Page<Subscriber> list(String afterKey, int limit) {
        return page(dynamo.query(query(afterKey, limit).build()));
    }

    @Override
    public Page<Subscriber> confirmed(String afterKey, int limit) {
        return page(dynamo.query(query(afterKey, limit)
                .filterExpression("#state = :confirmed")
                .expressionAttributeNames(Map.of("#pk", HandbillTable.PK, "#state", "state"))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION),
                        ":confirmed", AttributeValue.fromS(SubscriberState.CONFIRMED.name())))
                .build()));
    }

    private QueryRequest.Builder query(String afterKey, int limit) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", HandbillTable.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PARTITION)))
                .exclusiveStartKey(afterKey == null ? null : key(afterKey))
                .limit(limit);
    }

    private static Page<Subscriber> page(QueryResponse response) {
        var last = response.lastEvaluatedKey();
        String next = last == null || last.isEmpty() ? null : last.get(HandbillTable.SK).s();
        return new Page<>(response.items().stream().map(DynamoDbSubscriberStore::fromItem).toList(), next);
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(HandbillTable.PK, AttributeValue.fromS(PARTITION), HandbillTable.SK, AttributeValue.fromS(key));
    }

    private static Map<String, AttributeValue> toItem(Subscriber s) {
        var item = new HashMap<>(key(s.key()));
        item.put("type", AttributeValue.fromS("Subscriber"));
        item.put("email", AttributeValue.fromS(s.email()));
        item.put("state", AttributeValue.fromS(s.state().name()));
        item.put("version", AttributeValue.fromN(Long.toString(s.version())));
        put(item, "createdAt", s.createdAt());
        put(item, "updatedAt", s.updatedAt());
        put(item, "confirmedAt", s.confirmedAt());
        put(item, "unsubscribedAt", s.unsubscribedAt());
        put(item, "confirmationSentAt", s.confirmationSentAt());
        put(item, "rejectedAt", s.rejectedAt());
        if (s.rejection() != null) {
            item.put("rejection", AttributeValue.fromS(s.rejection()));
        }
        return item;
    }

    private static void put(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value.toString()));
        }
    }

    private static Subscriber fromItem(Map<String, AttributeValue> item) {
        return new Subscriber(item.get(HandbillTable.SK).s(), item.get("email").s(),
                SubscriberState.valueOf(item.get("state").s()), Long.parseLong(item.get("version").n()),
                instant(item, "createdAt"), instant(item, "updatedAt"), instant(item, "confirmedAt"),
                instant(item, "unsubscribedAt"), instant(item, "confirmationSentAt"), instant(item, "rejectedAt"),
                item.containsKey("rejection") ? item.get("rejection").s() : null);
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : Instant.parse(value.s());
    }
}
