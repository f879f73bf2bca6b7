package io.handbill.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handbill.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The attribute values every store of the single table writes: its items' keys, strings and numbers, and the
 * {@value #DOC} attribute that holds a stored record as JSON.
 */
public final class Attributes {
    public static final String DOC = "doc";

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

    /** A record as the JSON of a {@value #DOC} attribute. */
    public static AttributeValue document(Object value) {
        return string(Json.write(value));
    }

    /** The record in {@code item}'s {@value #DOC} attribute. */
    public static <T> T documentIn(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return Json.read(item.get(DOC).s(), type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored " + type.getSimpleName() + " " + item.get(HandbillTable.PK).s()
                    + " / " + item.get(HandbillTable.SK).s() + " is unreadable", e);
        }
    }
}
