package io.handbill.aws;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plain http without a TLS context, https through the SDK's own client, the timeouts on both. */
class TlsOnDemandHttpClientTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello", exchange -> {
            byte[] out = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.createContext("/silent", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void plainHttp_isServed_withoutSettingUpTls() throws IOException {
        var client = new TlsOnDemandHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(10));

        HttpExecuteResponse response = client.prepareRequest(get("/hello")).call();

        assertThat(response.httpResponse().statusCode()).isEqualTo(200);
        assertThat(new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("hello");
        assertThat(client.tlsSetUp()).isFalse();
    }

    @Test
    void https_goesOverTls() throws IOException {
        var client = new TlsOnDemandHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(10));
        // a server that answers in plain text: the TLS handshake is what fails
        try (var plainText = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answer = new Thread(() -> {
                try (Socket socket = plainText.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the client has gone
                }
            });
            answer.start();
            URI uri = URI.create("https://127.0.0.1:" + plainText.getLocalPort() + "/hello");

            assertThatThrownBy(() -> client.prepareRequest(get(uri)).call()).isInstanceOf(SSLException.class);
            assertThat(client.tlsSetUp()).isTrue();
        }
    }

    @Test
    void plainHttp_keepsTheSocketTimeout() {
        var client = new TlsOnDemandHttpClient(Duration.ofSeconds(2), Duration.ofMillis(200));

        assertThatThrownBy(() -> client.prepareRequest(get("/silent")).call())
                .isInstanceOf(SocketTimeoutException.class);
    }

    private HttpExecuteRequest get(String path) {
        return get(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path));
    }

    private static HttpExecuteRequest get(URI uri) {
        return HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build()).build();
    }
}
