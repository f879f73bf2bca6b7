package io.handbill.aws;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SSM call's wire format, against a loopback server that answers as SSM's JSON 1.1 protocol does. */
class SsmSecureStringTest {
    private static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("AKIDEXAMPLE", "secret-key");
    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> target = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String answer;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            target.set(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void getParameter_isASignedJsonCall_andAnswersTheDecryptedValue() {
        answer = "{\"Parameter\":{\"Name\":\"/handbill/hmac\",\"Type\":\"SecureString\",\"Value\":\"s3cr3t\",\"Version\":1}}";

        String value = SsmSecureString.read(endpoint(), "eu-west-2", CREDENTIALS, "/handbill/hmac");

        assertThat(value).isEqualTo("s3cr3t");
        assertThat(target.get()).isEqualTo("AmazonSSM.GetParameter");
        assertThat(body.get()).contains("\"Name\":\"/handbill/hmac\"").contains("\"WithDecryption\":true");
        assertThat(authorization.get()).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .contains("/eu-west-2/ssm/aws4_request").contains("x-amz-target").contains("Signature=");
    }

    @Test
    void missingParameter_failsAtInit_namingTheErrorButNoValue() {
        status = 400;
        answer = "{\"__type\":\"ParameterNotFound\",\"message\":\"\"}";

        assertThatThrownBy(() -> SsmSecureString.read(endpoint(), "eu-west-2", CREDENTIALS, "/handbill/missing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SSM GetParameter /handbill/missing failed: HTTP 400 ParameterNotFound");
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
