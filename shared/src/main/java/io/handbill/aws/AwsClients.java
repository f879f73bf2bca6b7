package io.handbill.aws;

import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.time.Duration;

/**
 * SDK clients, each built once per Lambda sandbox. They use the small url-connection HTTP client (set explicitly:
 * the SDK's default would be the Apache client) and take region and endpoint from the standard {@code AWS_REGION}
 * and {@code AWS_ENDPOINT_URL[_<SERVICE>]} variables, so the same code talks to AWS or to a local emulator.
 *
 * <p>{@code s3} and {@code sesv2} are optional dependencies of shared: a function that calls {@link #s3()} or
 * {@link #sesV2()} declares that SDK module itself (with the HTTP-client exclusions), so the others don't ship it.
 */
public final class AwsClients {
    /** Bodies from this size on are sent after the server's {@code 100 Continue} (see {@link #s3Builder()}). */
    public static final long EXPECT_CONTINUE_FROM = 4L * 1024 * 1024;
    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(2))
            .socketTimeout(Duration.ofSeconds(10))
            .build();

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
        return DynamoDb.CLIENT;
    }

    /**
     * S3 with virtual-hosted addressing in AWS; against a local endpoint given as an IP address
     * ({@code AWS_ENDPOINT_URL_S3=http://127.0.0.1:PORT}) the SDK addresses buckets path-style by itself.
     */
    public static S3Client s3() {
        return S3.CLIENT;
    }

    /**
     * S3 as the site's objects need it, for {@link #s3()} and for benchmarks that measure the same client: no
     * {@code Expect: 100-continue} round trip before bodies under {@link #EXPECT_CONTINUE_FROM} (pages and feeds
     * are kilobytes; a refused PUT wastes less than the wait costs every accepted one), and checksums only where an
     * operation requires one (S3 checks the body's MD5 itself and TLS protects it on the way).
     */
    public static S3ClientBuilder s3Builder() {
        return S3Client.builder().httpClient(HTTP)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .serviceConfiguration(c -> c.expectContinueThresholdInBytes(EXPECT_CONTINUE_FROM));
    }

    public static SesV2Client sesV2() {
        return SesV2.CLIENT;
    }

    // Each client in a holder class of its own: the JVM builds it, once and thread-safely, on the first call, and a
    // function that never calls it neither builds it nor loads its SDK module.
    private static final class DynamoDb {
        static final DynamoDbClient CLIENT = DynamoDbClient.builder().httpClient(HTTP)
                .overrideConfiguration(overrides()).build();
    }

    private static final class S3 {
        static final S3Client CLIENT = s3Builder().overrideConfiguration(overrides()).build();
    }

    private static final class SesV2 {
        static final SesV2Client CLIENT = SesV2Client.builder().httpClient(HTTP).overrideConfiguration(overrides())
                .build();
    }
}
