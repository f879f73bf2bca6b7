package io.handbill.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The single table's shape, in one place: the local stack and tests create it from here, and a test checks that
 * template.yaml declares the same keys and indexes.
 *
 * <p>Items: the events' own ({@link EventKeys}: the event as JSON in {@code doc}, slug claims, the site version),
 * the public listing, subscribers and reminder ledger. Each module adds its own {@code <TYPE>#...} partitions.
 */
public final class HandbillTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    /** Sparse index of published and cancelled events by UTC start. */
    public static final String BY_START = "byStart";
    public static final String BY_START_PK = "gsi1pk";
    public static final String BY_START_SK = "gsi1sk";
    /** Every event, drafts included, by UTC start: the admin listing. */
    public static final String ALL_BY_START = "allByStart";
    public static final String ALL_BY_START_PK = "gsi2pk";
    public static final String ALL_BY_START_SK = "gsi2sk";
    /** Epoch seconds after which DynamoDB TTL may delete the item (enabled in template.yaml). */
    public static final String TTL = "expiresAt";

    private HandbillTable() {
    }

    public static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(PK), string(SK), string(BY_START_PK), string(BY_START_SK),
                        string(ALL_BY_START_PK), string(ALL_BY_START_SK))
                .keySchema(key(PK, KeyType.HASH), key(SK, KeyType.RANGE))
                .globalSecondaryIndexes(index(BY_START, BY_START_PK, BY_START_SK),
                        index(ALL_BY_START, ALL_BY_START_PK, ALL_BY_START_SK))
                .streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(StreamViewType.KEYS_ONLY).build())
                .build();
    }

    private static GlobalSecondaryIndex index(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
