package io.handbill.testkit;

import io.handbill.aws.AwsClients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local stand-ins for each AWS service listen, plus the region and dummy credentials to sign with.
 */
public record AwsEndpoints(URI dynamoDb, URI s3, URI sesV2) {
    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "test";
    public static final String SECRET_KEY = "test";
    private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

    /**
     * Points an SDK client builder at a stand-in: its endpoint, the region and dummy credentials, on the functions'
     * own HTTP client; the caller adds what is particular to the client and builds it.
     */
    public static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B at(URI endpoint, B builder) {
        return builder.httpClient(AwsClients.http()).region(Region.of(REGION)).credentialsProvider(CREDENTIALS)
                .endpointOverride(endpoint);
    }

    /**
     * The variables that point an unmodified SDK (and so a function's no-arg constructor) at these endpoints: the
     * standard {@code AWS_ENDPOINT_URL_<SERVICE>}, region and static credentials.
     */
    public Map<String, String> environment() {
        var env = new LinkedHashMap<String, String>();
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.toString());
        env.put("AWS_ENDPOINT_URL_S3", s3.toString());
        env.put("AWS_ENDPOINT_URL_SESV2", sesV2.toString());
        return env;
    }
}
