package io.handbill.testkit;

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
