package io.handbill.local;

import io.handbill.store.DynamoDbEventStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.Clock;
import java.util.Map;

/**
 * What the functions are wired with locally: the stack's clients (the DynamoDB one records writes for the
 * renderer), its clock, and the environment variables template.yaml would set, with the local names and URL. Each
 * function parses them through its own {@code <Function>Config.from}, as in Lambda.
 */
record LocalServices(DynamoDbClient dynamoDb, S3Client s3, SesV2Client sesV2, Map<String, String> environment,
                     Clock clock) {
    LocalServices {
        environment = Map.copyOf(environment);
    }

    DynamoDbEventStore eventStore() {
        return new DynamoDbEventStore(dynamoDb, environment.get("EVENTS_TABLE"));
    }
}
