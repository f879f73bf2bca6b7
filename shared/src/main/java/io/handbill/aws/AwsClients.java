package io.handbill.aws;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

/**
 * SDK clients, each built once per Lambda sandbox. They use the small url-connection HTTP client (set explicitly:
 * the SDK's default would be the Apache client) and take region and endpoint from the standard {@code AWS_REGION}
 * and {@code AWS_ENDPOINT_URL[_<SERVICE>]} variables, so the same code talks to AWS or to a local emulator.
 */
public final class AwsClients {
    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(10))
            .build();

    private static volatile DynamoDbClient dynamoDb;

    private AwsClients() {
    }

    /** The HTTP client every SDK client of this process shares. */
    public static SdkHttpClient http() {
        return HTTP;
    }

    public static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(20)).build();
    }

    public static DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            synchronized (AwsClients.class) {
                if (dynamoDb == null) {
                    dynamoDb = DynamoDbClient.builder().httpClient(HTTP).overrideConfiguration(overrides()).build();
                }
            }
        }
        return dynamoDb;
    }
}
