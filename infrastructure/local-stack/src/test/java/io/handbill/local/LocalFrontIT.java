package io.handbill.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's front as an attacker meets it, on a bare socket: other sites' names and origins, paths S3 cannot
 * hold, and the headers CloudFront would add. Every refusal is problem+json, never an empty reply or a trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalFrontIT {
    private static final String TOKEN = "front-test-token";
    /** What CloudFront sends of an S3 origin's response, with the policy's headers and the connection's own. */
    private static final Set<String> CLOUDFRONT_HEADERS = Stream.concat(
            Stream.of("content-type", "content-length", "cache-control", "etag", "last-modified", "date", "connection"),
            SecurityHeaders.SITE.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT))).collect(Collectors.toSet());

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
        assertProblem(RawHttp.send(port, run + "Host: localhost:" + port
                + "\r\nOrigin: null\r\nSec-Fetch-Site: cross-site\r\n\r\n"), 403);
        assertThat(RawHttp.send(port, run + "Host: localhost:" + port
                + "\r\nOrigin: null\r\nSec-Fetch-Site: same-origin\r\n\r\n").status())
                .as("a no-referrer page's own form post").isEqualTo(200);
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
        assertProblem(get("/events/" + "%C3%A9".repeat(128) + "/"), 414);
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

    @ParameterizedTest
    @ValueSource(strings = {"/", "/feed.xml", "/sitemap.xml", "/favicon.svg", "/no/such/page"})
    void theSite_passesOnOnlyTheHeadersCloudFrontWould(String path) throws IOException {
        RawHttp.Reply page = get(path);
        RawHttp.Reply head = RawHttp.send(port, "HEAD " + path + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\n\r\n");
        RawHttp.Reply revalidated = RawHttp.send(port, "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nIf-None-Match: " + page.header("ETag") + "\r\nConnection: close\r\n\r\n");

        assertThat(page.headers()).containsKeys("content-type", "etag", "last-modified", "content-length");
        assertThat(page.header("Last-Modified")).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        for (RawHttp.Reply reply : List.of(page, head, revalidated)) {
            assertThat(reply.headers().keySet()).as(reply.raw()).allSatisfy(name -> assertThat(name).isIn(
                    CLOUDFRONT_HEADERS));
        }
        assertThat(revalidated.status()).isEqualTo(path.equals("/no/such/page") ? 404 : 304);
    }

    @Test
    void theSiteAndTheAdminForm_shipTheFaviconTheirPagesLink() throws IOException {
        assertThat(get("/").body()).contains("<link rel=\"icon\" href=\"/favicon.svg\"");
        assertThat(get("/favicon.svg").header("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(get("/admin/").body()).contains("<link rel=\"icon\" href=\"favicon.svg\"");
        assertThat(get("/admin/favicon.svg").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown Transfer-Encoding       | GET / HTTP/1.1\\r\\nHost: H\\r\\nTransfer-Encoding: gzip\\r\\n\\r\\n                         | 400
            both Transfer-Encoding and length  | POST /api/subscriptions HTTP/1.1\\r\\nHost: H\\r\\nTransfer-Encoding: chunked\\r\\nContent-Length: 3\\r\\n\\r\\n0\\r\\n\\r\\n | 400
            a malformed chunk size             | POST /api/subscriptions HTTP/1.1\\r\\nHost: H\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n | 400
            a chunk longer than its size       | POST /api/subscriptions HTTP/1.1\\r\\nHost: H\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n2\\r\\nabcd\\r\\n0\\r\\n\\r\\n | 400
            a header line without a colon      | GET / HTTP/1.1\\r\\nHost: H\\r\\nX-Bad\\r\\n\\r\\n                                           | 400
            a folded header line               | GET / HTTP/1.1\\r\\nHost: H\\r\\nX-A: 1\\r\\n  2\\r\\n\\r\\n                                | 400
            a space before the colon           | GET / HTTP/1.1\\r\\nHost : H\\r\\n\\r\\n                                                 | 400
            a malformed percent escape         | GET /%zz HTTP/1.1\\r\\nHost: H\\r\\n\\r\\n                                              | 400
            a character URIs must escape       | GET /a{b}^c HTTP/1.1\\r\\nHost: H\\r\\n\\r\\n                                           | 400
            a space inside the target          | GET /a b HTTP/1.1\\r\\nHost: H\\r\\n\\r\\n                                              | 400
            a request line that is garbage     | GARBAGE\\r\\n\\r\\n                                                                      | 400
            an absolute-form target            | GET http://evil.example/ HTTP/1.1\\r\\nHost: H\\r\\n\\r\\n                              | 400
            an unknown HTTP version            | GET / HTTP/2.0\\r\\nHost: H\\r\\n\\r\\n                                                 | 400
            no Host                            | GET / HTTP/1.1\\r\\n\\r\\n                                                               | 400
            two Hosts                          | GET / HTTP/1.1\\r\\nHost: H\\r\\nHost: H\\r\\n\\r\\n                                     | 400
            a Content-Length that is no number | POST /api/subscriptions HTTP/1.1\\r\\nHost: H\\r\\nContent-Length: 1e3\\r\\n\\r\\n         | 400
            a body over 10 MiB                 | POST /api/subscriptions HTTP/1.1\\r\\nHost: H\\r\\nContent-Length: 10485761\\r\\n\\r\\n    | 413
            an unknown expectation             | POST /api/subscriptions HTTP/1.1\\r\\nHost: H\\r\\nExpect: magic\\r\\nContent-Length: 2\\r\\n\\r\\n{} | 417
            """)
    void aMalformedRequest_getsAProblem4xx_andTheConnectionIsClosed(String what, String request, int status)
            throws IOException {
        RawHttp.Reply reply = RawHttp.send(port, request.replace("\\r\\n", "\r\n").replace("Host: H", "Host: localhost:" + port));

        assertProblem(reply, status);
        assertThat(reply.header("Connection")).isEqualTo("close");
    }

    @Test
    void anOverlongRequestLine_is414_andOverlongHeaders_431() throws IOException {
        assertProblem(RawHttp.send(port, "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\n\r\n"), 414);
        assertProblem(RawHttp.send(port, "GET / HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                + "X-Filler: " + "b".repeat(8000) + "\r\n" + ("X-More: " + "c".repeat(8000) + "\r\n").repeat(8)
                + "\r\n"), 431);
    }

    @Test
    void wellFormedEdgeCases_areServed_chunkedBodiesEmptyValuesHeadAndKeptAliveConnections() throws IOException {
        String host = "Host: localhost:" + port + "\r\n";
        RawHttp.Reply chunked = RawHttp.send(port, "POST /api/subscriptions HTTP/1.1\r\n" + host
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "a\r\n{\"email\":\"\r\n14;ext=1\r\nchunky@example.org\"}\r\n0\r\n\r\n");
        assertThat(chunked.status()).as(chunked.raw()).isEqualTo(202);

        RawHttp.Reply continued = RawHttp.send(port, "POST /api/subscriptions HTTP/1.1\r\n" + host
                + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 28\r\n"
                + "Connection: close\r\n\r\n{\"email\":\"cont@example.org\"}");
        assertThat(continued.raw()).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202");

        assertThat(RawHttp.send(port, "GET / HTTP/1.1\r\n" + host + "X-Empty:\r\nConnection: close\r\n\r\n")
                .status()).isEqualTo(200);

        RawHttp.Reply head = RawHttp.send(port, "HEAD / HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
        assertThat(head.status()).isEqualTo(200);
        assertThat(Integer.parseInt(head.header("Content-Length"))).isPositive();
        assertThat(head.body()).isEmpty();

        RawHttp.Reply twice = RawHttp.send(port, "GET /admin/ HTTP/1.1\r\n" + host + "\r\n"
                + "GET /admin/admin.css HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
        assertThat(twice.raw().split("HTTP/1.1 200 OK", -1)).as("two answers on one connection").hasSize(3);
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
