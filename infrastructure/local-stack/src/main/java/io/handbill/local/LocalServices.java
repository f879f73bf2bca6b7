package io.handbill.local;

import io.handbill.model.SiteConfig;
import io.handbill.store.DynamoDbEventStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.Clock;

/**
 * What the functions' dependency-taking constructors are given locally: the stack's clients (the DynamoDB one
 * records writes for the renderer), names, and the settings template.yaml passes as environment variables.
 */
record LocalServices(DynamoDbClient dynamoDb, S3Client s3, SesV2Client sesV2, String table, String bucket,
                     SiteConfig site, Clock clock, String senderEmail, byte[] hmacSecret) {
    static final String REMINDER_WINDOWS = "P7D,PT24H";
    static final String ADMIN_GROUP = "organisers";
    static final int SEND_RATE_PER_SECOND = 10;
    static final int FEED_PAST_DAYS = 365;

    DynamoDbEventStore eventStore() {
        return new DynamoDbEventStore(dynamoDb, table);
    }
}
