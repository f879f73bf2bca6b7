package io.handbill.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handbill.fixtures.Fixtures;
import io.handbill.testkit.ChildJvm;
import io.handbill.testkit.DeployableJar;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployable jar alone, in a child JVM configured only by environment variables as Lambda configures it, built
 * with the public no-arg constructor: proves the shade filters (S3 and DynamoDB models trimmed to the operations
 * called, only the event types the handlers take) left out nothing a stream batch, a full rebuild, a preview or a
 * presigned upload touches, with bytecode verification on as in Lambda.
 */
@ExtendWith(LocalAwsExtension.class)
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "page-renderer.jar");
    private static final String SEED_PAGE = "events/" + Fixtures.SEED_SLUG + "/index.html";
    private static final String ALIAS_PAGE = "post/165145694230/meetup-tuesday-26th-september-2017-at-the-odi/index.html";

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shadedJar_publishesAStreamBatch_andRebuildsTheSite_fromTheEnvironmentAlone(LocalAws aws) throws Exception {
        // given: the published seed event, and the stream record its publication would produce
        aws.eventStore().create(Fixtures.seedEvent());

        // when: the batch is handled
        JsonNode batch = run(aws, getClass().getResourceAsStream("/events/dynamodb/stream-keys-only.json"));

        // then: nothing failed and the event's page and the listings are in the bucket
        assertThat(batch.path("batchItemFailures").isArray()).as(batch.toString()).isTrue();
        assertThat(batch.path("batchItemFailures")).isEmpty();
        assertThat(keys(aws)).contains(SEED_PAGE, "index.html", "feed.xml", "sitemap.xml");
        assertThat(Jsoup.parse(text(aws, SEED_PAGE)).select("h1").text()).isEqualTo(Fixtures.seedEvent().title());

        // when: the bucket is emptied and a full rebuild is asked for
        keys(aws).forEach(key -> aws.s3().deleteObject(r -> r.bucket(aws.bucketName()).key(key)));
        JsonNode rebuild = run(aws, new ByteArrayInputStream("{\"action\":\"rebuild\"}".getBytes(StandardCharsets.UTF_8)));

        // then: the whole site is back, down to the alias page, the stylesheet, robots.txt and 404.html
        List<String> keys = keys(aws);
        assertThat(rebuild.path("written").asInt()).isEqualTo(keys.size());
        assertThat(keys).contains(SEED_PAGE, ALIAS_PAGE, "index.html", "feed.xml", "sitemap.xml", "robots.txt",
                "404.html");
        assertThat(keys).anyMatch(key -> key.matches("assets/site\\.[0-9a-f]{12}\\.css"));
        assertThat(Jsoup.parse(text(aws, "index.html")).select("a[href=/events/" + Fixtures.SEED_SLUG + "/]"))
                .isNotEmpty();
    }

    @Test
    void shadedJar_previewsAndPresigns_withTheAdminToolsHandler(LocalAws aws, @TempDir Path dir) throws Exception {
        // a single-file program run against the jar alone: Lambda's no-arg constructor, a preview, an upload
        Path probe = dir.resolve("AdminToolsProbe.java");
        try (InputStream source = getClass().getResourceAsStream("/probes/AdminToolsProbe.java")) {
            Files.copy(source, probe);
        }

        ChildJvm.Result run = ChildJvm.run(functionEnvironment(aws), Duration.ofSeconds(90), "-Xshare:off",
                "-cp", JAR.toString(), probe.toString());

        String log = run.log();
        assertThat(run.exitValue()).as(log).isZero();
        assertThat(log).doesNotContain("NoClassDefFoundError", "VerifyError", "ClassNotFoundException")
                .contains("RESULT 200 {\"descriptionHtml\":\"<blockquote>")
                .containsPattern("RESULT 201 \\{\"uploadUrl\":\"http://127\\.0\\.0\\.1:\\d+/"
                        + aws.bucketName() + "/media/[0-9a-f]{32}\\.png\\?X-Amz-Algorithm=AWS4-HMAC-SHA256");
    }

    @Test
    void shadedJar_holdsNoApacheOrNettyClient_andStaysUnder12Mb() throws Exception {
        DeployableJar.assertSmallWithoutApacheOrNetty(JAR);
    }

    /** Runs the handler's main from the jar alone on a request file; returns its response (the log's last line). */
    private JsonNode run(LocalAws aws, InputStream request) throws Exception {
        Path requestFile = Files.createTempFile("request", ".json");
        try (request) {
            Files.copy(request, requestFile, StandardCopyOption.REPLACE_EXISTING);
            ChildJvm.Result run = ChildJvm.run(functionEnvironment(aws), Duration.ofSeconds(90), "-Xshare:off",
                    "-cp", JAR.toString(), RenderPagesHandler.class.getName(), requestFile.toString());
            String log = run.log();
            assertThat(run.finished()).as(log).isTrue();
            assertThat(run.exitValue()).as(log).isZero();
            assertThat(log).doesNotContain("Exception", "NoClassDefFoundError", "VerifyError");
            String[] lines = log.strip().split("\n");
            return json.readTree(lines[lines.length - 1]);
        } finally {
            Files.deleteIfExists(requestFile);
        }
    }

    /** What Lambda would set: the emulators' endpoints and the function's variables. */
    private static Map<String, String> functionEnvironment(LocalAws aws) {
        var environment = new HashMap<>(aws.environment());
        environment.putAll(Map.of("SITE_URL", "https://events.example.org", "GROUP_NAME", "Leeds DevOps",
                "ORGANISER_EMAIL", "organisers@example.org", "LOG_LEVEL", "INFO"));
        return environment;
    }

    private static List<String> keys(LocalAws aws) {
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(aws.bucketName())).contents().stream()
                .map(S3Object::key).toList();
    }

    private static String text(LocalAws aws, String key) {
        return aws.s3().getObjectAsBytes(r -> r.bucket(aws.bucketName()).key(key)).asUtf8String();
    }
}
