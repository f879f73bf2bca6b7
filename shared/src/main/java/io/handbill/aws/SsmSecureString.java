package io.handbill.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.json.Json;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads one SSM SecureString ({@code GetParameter} with decryption), signed with the SDK's SigV4 signer and sent
 * through the shared url-connection client. The generated SSM client would add 5 MB of model classes to a function
 * jar for this single call made once per sandbox; the protocol (JSON 1.1, one POST) is small and stable.
 * Endpoint and region follow the SDK's own rules: {@code AWS_ENDPOINT_URL_SSM}, {@code AWS_ENDPOINT_URL}, else
 * {@code https://ssm.<region>.amazonaws.com}.
 */
public final class SsmSecureString {
    private SsmSecureString() {
    }

    public static String read(String name) {
        String region = DefaultAwsRegionProviderChain.builder().build().getRegion().id();
        Env env = Env.system();
        String endpoint = env.optional("AWS_ENDPOINT_URL_SSM",
                env.optional("AWS_ENDPOINT_URL", "https://ssm." + region + ".amazonaws.com"));
        AwsCredentialsIdentity credentials = DefaultCredentialsProvider.builder().build().resolveCredentials();
        return read(URI.create(endpoint), region, credentials, name);
    }

    static String read(URI endpoint, String region, AwsCredentialsIdentity credentials, String name) {
        byte[] body = Json.write(Map.of("Name", name, "WithDecryption", true)).getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = AwsClients.http().prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            JsonNode answer;
            try (InputStream in = response.responseBody().orElseThrow(() -> new IOException("empty SSM response"))) {
                answer = Json.MAPPER.readTree(in);
            }
            if (!response.httpResponse().isSuccessful()) {
                // the error type names the problem (ParameterNotFound, AccessDeniedException); no value is in it
                throw new IllegalStateException("SSM GetParameter " + name + " failed: HTTP "
                        + response.httpResponse().statusCode() + " " + answer.path("__type").asText());
            }
            JsonNode value = answer.path("Parameter").path("Value");
            if (!value.isTextual()) {
                throw new IllegalStateException("SSM GetParameter " + name + " returned no value");
            }
            return value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("SSM GetParameter " + name + " failed", e);
        }
    }
}
