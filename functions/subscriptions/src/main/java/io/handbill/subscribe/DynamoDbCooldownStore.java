package io.handbill.subscribe;

import io.handbill.store.HandbillTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@link CooldownStore} on the single table: one item {@code COOLDOWN#<key>#<window number> / COOLDOWN} per key
 * and window, counted up by a conditional update (so concurrent Lambda instances cannot both take the last slot)
 * and removed by TTL a window after it closes.
 */
public record DynamoDbCooldownStore(DynamoDbClient dynamo, String table) implements CooldownStore {

    @Override
    public boolean take(String key, int limit, Duration window, Instant now) {
        long number = now.getEpochSecond() / window.toSeconds();
        long expires = (number + 2) * window.toSeconds();
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(key, number))
                    .updateExpression("ADD #n :one SET #ttl = :expires")
                    .conditionExpression("attribute_not_exists(#n) OR #n < :limit")
                    .expressionAttributeNames(Map.of("#n", "taken", "#ttl", HandbillTable.TTL))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":expires", AttributeValue.fromN(Long.toString(expires)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void giveBack(String key, Duration window, Instant now) {
        long number = now.getEpochSecond() / window.toSeconds();
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(key, number))
                    .updateExpression("ADD #n :minusOne")
                    .conditionExpression("#n > :zero")
                    .expressionAttributeNames(Map.of("#n", "taken"))
                    .expressionAttributeValues(Map.of(":minusOne", AttributeValue.fromN("-1"),
                            ":zero", AttributeValue.fromN("0"))));
        } catch (ConditionalCheckFailedException e) {
            // the window closed meanwhile, or nothing was taken: nothing to give back
        }
    }

    private static Map<String, AttributeValue> key(String key, long window) {
        return Map.of(HandbillTable.PK, AttributeValue.fromS("COOLDOWN#" + key + "#" + window),
                HandbillTable.SK, AttributeValue.fromS("COOLDOWN"));
    }
}
