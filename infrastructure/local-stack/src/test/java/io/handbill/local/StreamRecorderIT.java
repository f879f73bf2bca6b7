package io.handbill.local;

import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Streams stand-in on dynalite: successful writes are recorded by key, failed conditional writes are not. */
@ExtendWith(LocalAwsExtension.class)
class StreamRecorderIT {
    private final List<String> recorded = new CopyOnWriteArrayList<>();

    @Test
    void successfulWrites_areRecordedByKey_andRejectedConditionalWritesAreNot(LocalAws aws) {
        DynamoDbClient dynamo = recordingClient(aws);
        String table = aws.tableName();

        dynamo.putItem(b -> b.tableName(table).item(item("EVENT#1", "EVENT")));
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table).item(item("EVENT#1", "EVENT"))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        dynamo.updateItem(b -> b.tableName(table).key(item("EVENT#1", "EVENT"))
                .updateExpression("SET title = :t").expressionAttributeValues(Map.of(":t", s("Tea"))));
        dynamo.deleteItem(b -> b.tableName(table).key(item("EVENT#1", "EVENT")));
        dynamo.getItem(b -> b.tableName(table).key(item("EVENT#1", "EVENT")));

        assertThat(recorded).containsExactly("INSERT EVENT#1/EVENT", "MODIFY EVENT#1/EVENT", "REMOVE EVENT#1/EVENT");
    }

    @Test
    void writesToAnotherTable_areNotRecorded(LocalAws aws) {
        DynamoDbClient dynamo = recordingClient(aws);

        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("other").item(item("EVENT#1", "EVENT"))))
                .isNotNull();
        assertThat(recorded).isEmpty();
    }

    private DynamoDbClient recordingClient(LocalAws aws) {
        return aws.dynamoDbWith(new StreamRecorder(aws.tableName(),
                change -> recorded.add(change.kind() + " " + change.pk() + "/" + change.sk())));
    }

    private static Map<String, AttributeValue> item(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
