package io.handbill.render;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.TestClock;
import io.handbill.json.Json;
import io.handbill.model.Event;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.handbill.render.TestEvents.NOW;
import static io.handbill.render.TestEvents.SITE;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/preview} through its Lambda handler on dynalite and S3Proxy: organisers only, nothing written. */
@ExtendWith(LocalAwsExtension.class)
class AdminToolsHandlerIT {
    private static final Map<String, String> ORGANISER = AdminRequests.ORGANISER;

    private final LocalAws aws;
    private final List<String> dynamoCalls = new CopyOnWriteArrayList<>();
    private final AdminToolsHandler handler;

    AdminToolsHandlerIT(LocalAws aws) {
        this.aws = aws;
        var environment = new HashMap<>(aws.environment());
        environment.putAll(Map.of("SITE_URL", SITE.siteUrl(), "GROUP_NAME", SITE.groupName(),
                "ORGANISER_EMAIL", SITE.organiserEmail()));
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                dynamoCalls.add(context.request().getClass().getSimpleName());
            }
        };
        this.handler = new AdminToolsHandler(AdminToolsConfig.from(environment), aws.dynamoDbWith(recorder), aws.s3(),
                new TestClock(NOW));
    }

    @BeforeEach
    void aPublishedEventAndItsPage() {
        Event stored = Events.published("e1", Drafts.seed().slug("seed"), NOW);
        aws.eventStore().create(stored);
        aws.s3().putObject(r -> r.bucket(aws.bucketName()).key("events/seed/index.html"),
                RequestBody.fromString("the published page"));
    }

    @Test
    void theSnapStartPrimingRequest_isAnsweredWithAPage_andReadsAndWritesNothing() throws Exception {
        var before = state();

        APIGatewayV2HTTPResponse response = handler.handleRequest(AdminToolsPriming.preview("organisers"), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(response.getBody()).path("pageHtml").asText()).contains("<blockquote>");
        assertThat(state()).isEqualTo(before);
        assertThat(dynamoCalls).as("an unsaved draft reads nothing").isEmpty();
    }

    @Test
    void anOrganiser_getsTheDescriptionAndThePage_andNothingIsWritten() throws Exception {
        var before = state();
        String draft = Json.write(Drafts.seed().slug("seed").description("> quoted\n\n[x](javascript:alert(1))")
                .build());

        APIGatewayV2HTTPResponse response = handler.handleRequest(request(draft, ORGANISER, "e1"), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertThat(body.path("descriptionHtml").asText()).contains("<blockquote>").doesNotContain("javascript:");
        assertThat(body.path("pageHtml").asText()).startsWith("<!DOCTYPE html>")
                .contains(body.path("descriptionHtml").asText());
        assertThat(state()).isEqualTo(before);
        assertThat(dynamoCalls).as("DynamoDB calls of the preview").containsOnly("GetItemRequest");
    }

    @Test
    void withoutClaims_401_andWithoutTheGroup_403_beforeAnythingIsRead() {
        var before = state();
        String draft = Json.write(Drafts.seed().build());

        var anonymous = handler.handleRequest(request(draft, null, "e1"), null);
        var outsider = handler.handleRequest(request(draft, AdminRequests.READER,
                "e1"), null);

        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(anonymous.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(outsider.getStatusCode()).isEqualTo(403);
        assertThat(dynamoCalls).isEmpty();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void invalidFields_400NamingEach_andMalformedJson_400() throws Exception {
        var before = state();

        var invalid = handler.handleRequest(request("{\"title\":\"\",\"timeZone\":\"Mars/Olympus\","
                + "\"start\":\"2017-09-26T18:45:00\"}", ORGANISER, null), null);
        var malformed = handler.handleRequest(request("{\"title\":", ORGANISER, null), null);
        var tooLarge = handler.handleRequest(request("{\"description\":\"" + "x".repeat(300 * 1024) + "\"}",
                ORGANISER, null), null);

        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(Json.MAPPER.readTree(invalid.getBody()).path("errors").findValuesAsText("field"))
                .contains("title", "timeZone");
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(tooLarge.getStatusCode()).isEqualTo(413);
        assertThat(state()).isEqualTo(before);
    }

    /** Every item of the table and every object of the bucket with its ETag. */
    private Map<String, Object> state() {
        var items = aws.dynamoDb().scan(r -> r.tableName(aws.tableName())).items().stream()
                .map(Object::toString).sorted().toList();
        var objects = aws.s3().listObjectsV2(r -> r.bucket(aws.bucketName())).contents().stream()
                .map(o -> o.key() + " " + o.eTag()).sorted().toList();
        return Map.of("items", items, "objects", objects);
    }

    private static APIGatewayV2HTTPEvent request(String body, Map<String, String> claims, String id) {
        return AdminRequests.post("/api/preview", body, claims, id == null ? null : Map.of("id", id));
    }
}
