package io.handbill.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.store.HandbillTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

class EventsTableTest {
    private final JsonNode table = SamTemplate.load().resource("EventsTable").path("Properties");
    private final CreateTableRequest store = HandbillTable.createTableRequest("events");

    @Test
    void keysAndAttributeTypes_matchTheStore() {
        assertThat(attributeTypes(table.path("AttributeDefinitions"))).isEqualTo(store.attributeDefinitions().stream()
                .collect(Collectors.toMap(d -> d.attributeName(), d -> d.attributeTypeAsString(), (a, b) -> a, TreeMap::new)));
        assertThat(keys(table.path("KeySchema"))).isEqualTo(keys(store.keySchema()));
        assertThat(table.path("BillingMode").asText()).isEqualTo(store.billingModeAsString());
    }

    @Test
    void globalSecondaryIndexes_matchTheStore() {
        Map<String, String> templateIndexes = new TreeMap<>();
        table.path("GlobalSecondaryIndexes").forEach(index -> templateIndexes.put(index.path("IndexName").asText(),
                keys(index.path("KeySchema")) + " " + index.at("/Projection/ProjectionType").asText()));
        Map<String, String> storeIndexes = new TreeMap<>();
        for (GlobalSecondaryIndex index : store.globalSecondaryIndexes()) {
            storeIndexes.put(index.indexName(), keys(index.keySchema()) + " " + index.projection().projectionTypeAsString());
        }

        assertThat(templateIndexes).isEqualTo(storeIndexes);
    }

    @Test
    void stream_ttl_recoveryAndDeletionProtection_areOn() {
        assertThat(table.at("/StreamSpecification/StreamViewType").asText())
                .isEqualTo(store.streamSpecification().streamViewTypeAsString());
        assertThat(table.at("/TimeToLiveSpecification/AttributeName").asText()).isEqualTo(HandbillTable.TTL);
        assertThat(table.at("/TimeToLiveSpecification/Enabled").asBoolean()).isTrue();
        assertThat(table.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean()).isTrue();
        assertThat(table.path("DeletionProtectionEnabled")).hasToString("{\"Ref\":\"TableDeletionProtection\"}");
        assertThat(SamTemplate.load().resource("EventsTable").path("DeletionPolicy").asText()).isEqualTo("Retain");
    }

    private static Map<String, String> attributeTypes(JsonNode definitions) {
        Map<String, String> types = new TreeMap<>();
        definitions.forEach(d -> types.put(d.path("AttributeName").asText(), d.path("AttributeType").asText()));
        return types;
    }

    private static List<String> keys(JsonNode keySchema) {
        return StreamSupport.stream(keySchema.spliterator(), false)
                .map(key -> key.path("AttributeName").asText() + ":" + key.path("KeyType").asText()).toList();
    }

    private static List<String> keys(List<KeySchemaElement> keySchema) {
        return keySchema.stream().map(key -> key.attributeName() + ":" + key.keyTypeAsString()).toList();
    }
}
