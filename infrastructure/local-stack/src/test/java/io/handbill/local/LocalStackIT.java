package io.handbill.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.fixtures.TestClock;
import io.handbill.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack over HTTP, as a reader, an organiser and a developer use it: the sample events on the site, the
 * feeds, the admin token, the outbox, a reminder sweep on a moved clock, a restart on the same data directory, and
 * a series template edit applied to a published occurrence mailing the change.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {
    private static final String TOKEN = "stack-test-token";
    private static final Pattern CONFIRM = Pattern.compile("http://localhost:\\d+/api/subscriptions/confirm\\?token=\\S+");

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestClock clock = new TestClock(Instant.now());
    private Path data;
    private LocalStack stack;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        data = dataDir;
        stack = LocalStack.start(new LocalOptions(0, data, TOKEN, true), clock);
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void sampleEvents_areOnTheSite_withAliasRedirectAndFeeds() throws Exception {
        HttpResponse<String> page = get("/events/" + Fixtures.SEED_SLUG + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("html"));
        assertThat(page.body()).contains("Kubernetes networking", "Bryan Boreham");

        HttpResponse<String> alias = get(Fixtures.seedDraft().aliases().get(0));
        assertThat(alias.statusCode()).isEqualTo(301);
        assertThat(alias.headers().firstValue("Location")).hasValue(stack.url() + "/events/" + Fixtures.SEED_SLUG + "/");
        assertThat(get("/events/" + Fixtures.SEED_SLUG).headers().firstValue("Location"))
                .hasValue("/events/" + Fixtures.SEED_SLUG + "/");

        assertThat(get("/").body()).contains(SampleEvents.UPCOMING_TITLE);
        assertThat(get("/calendar.ics").body()).contains("BEGIN:VCALENDAR", SampleEvents.UPCOMING_TITLE);
        assertThat(get("/events/" + Fixtures.SEED_SLUG + ".ics").body()).contains("DTSTART;TZID=Europe/London");

        HttpResponse<String> missing = get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html");
    }

    @Test
    @Order(2)
    void api_wantsTheAdminToken_andTheAdminFormIsGivenIt_onlyOnLocalhost() throws Exception {
        assertThat(get("/api/events").statusCode()).isEqualTo(401);
        assertThat(send(request("/api/events").header("Authorization", "Bearer wrong")).statusCode()).isEqualTo(401);
        HttpResponse<String> events = send(request("/api/events").header("Authorization", "Bearer " + TOKEN));
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body()).contains(Fixtures.SEED_SLUG, SampleEvents.UPCOMING_TITLE);

        assertThat(get("/admin/config.json").body()).contains("\"token\":\"" + TOKEN + "\"");
        assertThat(get("/admin/").body()).contains("<form id=\"event-form\"");
        assertThat(get("/admin/admin.js").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(get("/admin/../pom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void subscribing_confirming_andASweepAfterTheDueTime_putTheReminderInTheOutbox() throws Exception {
        HttpResponse<String> subscribed = send(request("/api/subscriptions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"reader@example.org\"}")));
        assertThat(subscribed.statusCode()).isEqualTo(202);

        OutboxMessage confirmation = stack.outboxMessages().get(0);
        assertThat(confirmation.to()).contains("reader@example.org");
        assertThat(get("/outbox/").body()).contains(Html.escape(confirmation.subject()));
        assertThat(get("/outbox/" + confirmation.id() + "/html").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).startsWith("sandbox"));
        Matcher link = CONFIRM.matcher(get("/outbox/" + confirmation.id() + "/text").body());
        assertThat(link.find()).isTrue();
        assertThat(send(HttpRequest.newBuilder(URI.create(link.group()))).statusCode()).isEqualTo(200);

        Instant due = stack.sampleReminderDue().orElseThrow();
        assertThat(due).isBetween(clock.instant().plus(Duration.ofMinutes(3)), clock.instant().plus(Duration.ofMinutes(8)));
        clock.set(due.plus(Duration.ofMinutes(1)));
        HttpResponse<String> sweep = send(request("/local/reminders/run").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(sweep.statusCode()).isEqualTo(200);
        assertThat(sweep.body()).doesNotContain("\"sent\":0");
        assertThat(stack.outboxMessages()).anySatisfy(m -> {
            assertThat(m.to()).contains("reader@example.org");
            assertThat(m.subject()).startsWith("Reminder: " + SampleEvents.UPCOMING_TITLE);
        });
    }

    @Test
    @Order(4)
    void restartOnTheSameData_keepsEventsPagesAndMail_withoutLoadingTheSamplesAgain() throws Exception {
        int mails = stack.outboxMessages().size();
        stack.close();
        stack = LocalStack.start(new LocalOptions(0, data, TOKEN, true), clock);

        HttpResponse<String> events = send(request("/api/events").header("Authorization", "Bearer " + TOKEN));
        assertThat(Pattern.compile("\"slug\":\"").matcher(events.body()).results().count()).isEqualTo(2);
        assertThat(get("/events/" + Fixtures.SEED_SLUG + "/").statusCode()).isEqualTo(200);
        assertThat(stack.outboxMessages()).hasSize(mails);
    }

    @Test
    @Order(5)
    void seriesTemplateEdit_appliedToPublished_mailsTheChangeAsAnyEdit() throws Exception {
        ObjectNode body = Json.MAPPER.createObjectNode().put("title", "Leeds DevOps")
                .put("rule", "FREQ=MONTHLY;BYDAY=2TU").put("startTime", "18:30").put("duration", "PT4H15M")
                .put("timeZone", "Europe/London").put("horizon", 2)
                .put("firstDate", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusMonths(1).toString());
        body.set("template", Json.MAPPER.readTree(Fixtures.seedJson()));
        HttpResponse<String> created = admin("POST", "/api/series", Json.write(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode series = Json.MAPPER.readTree(created.body());
        String occurrence = series.get("occurrences").get(0).get("id").asText();
        assertThat(admin("POST", "/api/events/" + occurrence + "/publish", "").statusCode()).isEqualTo(200);
        runSweep();
        List<String> before = stack.outboxMessages().stream().map(OutboxMessage::id).toList();

        ((ObjectNode) body.get("template").get("venue")).put("name", "Leeds Beckett University");
        body.put("applyToPublished", true);
        HttpResponse<String> updated = admin("PUT", "/api/series/" + series.get("id").asText(), Json.write(body));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        runSweep();

        List<OutboxMessage> sent = stack.outboxMessages().stream().filter(m -> !before.contains(m.id())).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).contains("reader@example.org");
        assertThat(sent.get(0).subject()).startsWith("Changed: Leeds DevOps");
        assertThat(get("/outbox/" + sent.get(0).id() + "/text").body()).contains("Leeds Beckett University");
    }

    @Test
    @Order(6)
    void twoPublishesBeforeASweep_reachTheReaderAsOneDigest() throws Exception {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(40);
        for (String title : List.of("Digest evening one", "Digest evening two")) {
            String json = """
                    {"title":"%s","start":"%sT18:30:00","end":"%sT21:00:00","timeZone":"Europe/London",
                     "venue":{"name":"The ODI Node Leeds","city":"Leeds","country":"United Kingdom"}}
                    """.formatted(title, day, day);
            HttpResponse<String> created = admin("POST", "/api/events", json);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Json.MAPPER.readTree(created.body()).get("id").asText();
            assertThat(admin("POST", "/api/events/" + id + "/publish", "").statusCode()).isEqualTo(200);
            day = day.plusDays(1);
        }
        List<String> before = stack.outboxMessages().stream().map(OutboxMessage::id).toList();

        runSweep();

        List<OutboxMessage> sent = stack.outboxMessages().stream().filter(m -> !before.contains(m.id())).toList();
        assertThat(sent).singleElement().satisfies(m -> {
            assertThat(m.to()).contains("reader@example.org");
            assertThat(m.subject()).startsWith("2 new events from ");
        });
        assertThat(get("/outbox/" + sent.get(0).id() + "/text").body())
                .containsSubsequence("Digest evening one", "Digest evening two");
    }

    @Test
    @Order(7)
    void aCoverUpload_isPutThroughTheStacksOrigin_toS3Proxy_whichChecksItsSignature() throws Exception {
        byte[] jpeg = "not checked by S3, only by the renderer later".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> started = admin("POST", "/api/uploads",
                "{\"contentType\":\"image/jpeg\",\"bytes\":" + jpeg.length + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        var upload = io.handbill.json.Json.MAPPER.readTree(started.body());
        var config = io.handbill.json.Json.MAPPER.readTree(get("/admin/config.json").body()).path("uploadProxy");
        String presigned = upload.path("uploadUrl").asText();
        assertThat(presigned).startsWith(config.path("origin").asText() + "/");
        String sameOrigin = config.path("path").asText() + presigned.substring(config.path("origin").asText().length());

        HttpResponse<String> tampered = send(request(sameOrigin.replace("X-Amz-Expires=300", "X-Amz-Expires=900"))
                .header("Content-Type", "image/jpeg").header("Origin", stack.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)));
        HttpResponse<String> put = send(request(sameOrigin).header("Content-Type", "image/jpeg")
                .header("Origin", stack.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)));

        assertThat(tampered.statusCode()).isEqualTo(403);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        HttpResponse<byte[]> published = http.send(request(upload.path("url").asText()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).isEqualTo(jpeg);
        assertThat(send(request("/local/uploads/" + LocalStack.BUCKET + "/events/x/index.html").header("Origin", stack.url())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg))).statusCode()).isEqualTo(404);
    }

    private void runSweep() throws Exception {
        HttpResponse<String> sweep = send(request("/local/reminders/run").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(sweep.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> admin(String method, String path, String json) throws Exception {
        return send(request(path).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stack.url() + path));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
