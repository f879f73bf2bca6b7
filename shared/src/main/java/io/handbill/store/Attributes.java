package io.handbill.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** The attribute values every store of the single table writes: its items' keys, strings and numbers. */
public final class Attributes {
    private Attributes() {
    }

    /** An item's primary key: partition {@code pk}, sort key {@code sk}. */
    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(HandbillTable.PK, string(pk), HandbillTable.SK, string(sk));
    }

    public static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
