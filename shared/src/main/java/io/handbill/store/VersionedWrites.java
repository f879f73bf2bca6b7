package io.handbill.store;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;

import static io.handbill.store.Attributes.number;

/**
 * Optimistic locking on the single table: a write applies only while the stored item's {@code version} is the one the
 * writer read, and a first version only while there is none.
 */
public final class VersionedWrites {
    private static final String CONDITION = "#v = :expected";
    private static final Map<String, String> NAMES = Map.of("#v", "version");

    private VersionedWrites() {
    }

    /** Puts {@code item} as the first version: false, writing nothing, when an item with its key exists. */
    public static boolean create(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item) {
        return applied(() -> dynamo.putItem(r -> r.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(" + HandbillTable.PK + ")")));
    }

    /** Puts {@code item} over the stored one at {@code expectedVersion}; false, writing nothing, otherwise. */
    public static boolean put(DynamoDbClient dynamo, String table, Map<String, AttributeValue> item,
                              long expectedVersion) {
        return applied(() -> dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression(CONDITION)
                .expressionAttributeNames(NAMES).expressionAttributeValues(expected(expectedVersion))));
    }

    /** Deletes the item at {@code key} if it is at {@code expectedVersion}; false, deleting nothing, otherwise. */
    public static boolean delete(DynamoDbClient dynamo, String table, Map<String, AttributeValue> key,
                                 long expectedVersion) {
        return applied(() -> dynamo.deleteItem(r -> r.tableName(table).key(key).conditionExpression(CONDITION)
                .expressionAttributeNames(NAMES).expressionAttributeValues(expected(expectedVersion))));
    }

    private static boolean applied(Runnable conditionalWrite) {
        try {
            conditionalWrite.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> expected(long version) {
        return Map.of(":expected", number(version));
    }
}
