package io.handbill.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's front as an attacker meets it, on a bare socket: other sites' names and origins, paths S3 cannot
 * hold, and the headers CloudFront would add. Every refusal is problem+json, never an empty reply or a trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalFrontIT {
    private static final String TOKEN = "front-test-token";

    private LocalStack stack;
    private int port;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        stack = LocalStack.start(new LocalOptions(0, data, TOKEN, false));
        port = stack.port();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (get("/").status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);   // the empty site's index is rebuilt in the background
        }
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/outbox/", "/admin/config.json", "/", "/api/events"})
    void aForeignHostName_isTurnedAway_with421(String path) throws IOException {
        RawHttp.Reply reply = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: rebound.example:" + port
                + "\r\nConnection: close\r\n\r\n");

        assertProblem(reply, 421);
        assertThat(reply.body()).doesNotContain(TOKEN);
    }

    @Test
    void theSweepButton_refusesAForeignHost_andAForeignOrigin_butNotItsOwnPage() throws IOException {
        String run = "POST /local/reminders/run HTTP/1.1\r\nContent-Length: 0\r\nConnection: close\r\n";

        assertProblem(RawHttp.send(port, run + "Host: evil.example\r\n\r\n"), 421);
        assertProblem(RawHttp.send(port, run + "Host: localhost:" + port + "\r\nOrigin: http://evil.example\r\n\r\n"),
                403);
        assertProblem(RawHttp.send(port, run + "Host: localhost:" + port + "\r\nOrigin: null\r\n\r\n"), 403);
        assertThat(RawHttp.send(port, run + "Host: 127.0.0.1:" + port + "\r\nOrigin: http://localhost:" + port
                + "\r\n\r\n").status()).isEqualTo(200);
        assertThat(RawHttp.send(port, run + "Host: [::1]:" + port + "\r\n\r\n").status())
                .as("curl sends no Origin").isEqualTo(200);
    }

    @Test
    void aPathBelowAFile_is404_andAnOverlongSegment_is414() throws IOException {
        RawHttp.Reply belowFile = get("/index.html/x");
        assertThat(belowFile.status()).isEqualTo(404);
        assertThat(belowFile.body()).doesNotContain("Exception");

        assertProblem(get("/" + "a".repeat(256)), 414);
        assertProblem(get("/events/" + "é".repeat(128) + "/"), 414);
        assertThat(get("/" + "a".repeat(255)).status()).isEqualTo(404);
    }

    @Test
    void siteAndAdmin_carryTheHeadersCloudFrontAdds() throws IOException {
        assertHeaders(get("/"), SecurityHeaders.SITE);
        assertHeaders(get("/no/such/page"), SecurityHeaders.SITE);
        assertHeaders(get("/admin/"), SecurityHeaders.ADMIN);
        assertHeaders(get("/admin/admin.js"), SecurityHeaders.ADMIN);
        assertThat(get("/outbox/").header("Content-Security-Policy")).contains("default-src 'none'")
                .doesNotContain("script-src");
    }

    private RawHttp.Reply get(String path) throws IOException {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\n\r\n");
    }

    private static void assertHeaders(RawHttp.Reply reply, Map<String, String> expected) {
        expected.forEach((name, value) -> assertThat(reply.header(name)).as(name).isEqualTo(value));
    }

    static void assertProblem(RawHttp.Reply reply, int status) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(reply.body()).contains("\"status\":" + status).doesNotContain("Exception", "at java.", "<h1>");
    }
}
