package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.testkit.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.handbill.api.EventApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that must be refused, each against a table holding one published and one draft event: the right 4xx,
 * a problem naming the field, no internals in the body, and a table exactly as it was (scanned before and after).
 * One dynamic test per request, sharing one seeded table: each compares against its own scan, so a case that did
 * change the table fails on its own.
 */
class EventApi_BadRequestsIT extends LocalAwsTest {
    private static final Instant NOW = Instant.parse("2017-09-01T10:00:00Z");
    private static final String PUBLISHED_ALIAS = Fixtures.seedDraft().aliases().get(0);

    /** @param request builds the request given the paths of the published and the draft event */
    record BadRequest(String name, Function<Paths, ApiEvents> request, int status, String field) {
        @Override
        public String toString() {
            return name + " -> " + status + (field == null ? "" : " " + field);
        }
    }

    record Paths(String published, String draft) {
    }

    private EventApiHandler handler;
    private Paths paths;

    @BeforeEach
    void givenAPublishedAndADraftEvent() {
        handler = Handlers.onTable(aws, NOW);
        String published = handler.handleRequest(create(Fixtures.seedJson()).build(), null).getHeaders()
                .get("Location");
        assertThat(handler.handleRequest(ApiEvents.organiser("POST", published + "/publish").build(), null)
                .getStatusCode()).isEqualTo(200);
        String draft = handler.handleRequest(create(SeedJson.with(n -> n.put("title", "Draft night")
                        .remove("aliases"))).build(), null)
                .getHeaders().get("Location");
        paths = new Paths(published, draft);
    }

    private static Stream<BadRequest> badRequests() {
        return Stream.of(
                // who may call
                bad("no JWT claims", p -> create(Fixtures.seedJson()).claims(Map.of()), 401, null),
                bad("claims of another group", p -> create(Fixtures.seedJson())
                        .claims(Map.of("sub", "u", "cognito:groups", "[readers]")), 403, null),
                bad("claims without groups", p -> create(Fixtures.seedJson()).claims(Map.of("sub", "u")), 403, null),
                bad("delete by a reader", p -> ApiEvents.organiser("DELETE", p.draft())
                        .claims(Map.of("sub", "u", "cognito:groups", "[readers]")), 403, null),
                // what the body is
                bad("truncated JSON", p -> create("{\"title\": \"Leeds DevOps\", "), 400, "body"),
                bad("empty body", p -> create(""), 400, "body"),
                bad("JSON array", p -> create("[]"), 400, "body"),
                bad("two JSON values", p -> create("{} {}"), 400, "body"),
                bad("duplicate key", p -> create("{\"title\": \"a\", \"title\": \"b\"}"), 400, "body"),
                bad("1 MB body", p -> create(SeedJson.with(n -> n.put("description", "x".repeat(1 << 20)))),
                        413, null),
                bad("text/plain", p -> create(Fixtures.seedJson()).header("content-type", "text/plain"), 415, null),
                bad("form encoded", p -> create("title=x").header("content-type",
                        "application/x-www-form-urlencoded"), 415, null),
                bad("invalid base64", p -> base64Garbage(), 400, null),
                // types and shapes
                bad("title is a number", p -> create(SeedJson.with(n -> n.put("title", 42))), 400, "title"),
                bad("agenda start is a number", p -> create(SeedJson.with(n -> agenda(n, 2).put("start", 42))),
                        400, "agenda[2].start"),
                bad("date in another format", p -> create(SeedJson.with(n -> n.put("start", "26/09/2017 18:45"))),
                        400, "start"),
                bad("unknown agenda kind", p -> create(SeedJson.with(n -> agenda(n, 0).put("kind", "PARTY"))),
                        400, "agenda[0].kind"),
                bad("free is a string", p -> create(SeedJson.with(n -> ((ObjectNode) n.withArray("tickets").get(0))
                        .put("free", "yes"))), 400, "tickets[0].free"),
                bad("unknown field", p -> create(SeedJson.with(n -> n.put("colour", "red"))), 400, "colour"),
                bad("unknown nested field", p -> create(SeedJson.with(n -> ((ObjectNode) n.get("venue"))
                        .put("floor", 3))), 400, "venue.floor"),
                // rules
                bad("missing title", p -> create(SeedJson.with(n -> n.remove("title"))), 400, "title"),
                bad("title too long", p -> create(SeedJson.with(n -> n.put("title", "t".repeat(201)))), 400, "title"),
                bad("control character in title", p -> create(SeedJson.with(n -> n.put("title", "a\u0007b"))), 400,
                        "title"),
                bad("javascript: ticket link", p -> create(SeedJson.with(n -> ((ObjectNode) n.withArray("tickets")
                        .get(0)).put("url", "javascript:alert(document.cookie)"))), 400, "tickets[0].url"),
                bad("javascript: code of conduct", p -> create(SeedJson.with(n -> n.put("codeOfConductUrl",
                        "JavaScript:alert(1)"))), 400, "codeOfConductUrl"),
                bad("data: venue link", p -> create(SeedJson.with(n -> ((ObjectNode) n.get("venue"))
                        .put("url", "data:text/html,<script>alert(1)</script>"))), 400, "venue.url"),
                bad("script in a slug", p -> create(SeedJson.with(n -> n.put("slug", "<script>"))), 400, "slug"),
                bad("script in a tag", p -> create(SeedJson.with(n -> n.withArray("tags").add("<img onerror=x>"))),
                        400, "tags[4]"),
                bad("invalid time zone", p -> create(SeedJson.with(n -> n.put("timeZone", "Europe/Leeds"))), 400,
                        "timeZone"),
                bad("end before start", p -> create(SeedJson.with(n -> n.put("end", "2017-09-26T18:00:00"))), 400,
                        "end"),
                bad("start in the spring-forward gap", p -> create(SeedJson.with(n -> {
                    n.put("start", "2017-03-26T01:30:00").put("end", "2017-03-26T05:00:00");
                    n.remove("agenda");
                })), 400, "start"),
                bad("agenda outside the event", p -> create(SeedJson.with(n -> agenda(n, 0)
                        .put("start", "2017-09-26T17:00:00"))), 400, "agenda[0].start"),
                bad("talk by an unknown speaker", p -> create(SeedJson.with(n -> ((ObjectNode) n.withArray("talks")
                        .get(0)).putArray("speakerIds").add("nobody"))), 400, "talks[0].speakerIds[0]"),
                bad("latitude off the globe", p -> create(SeedJson.with(n -> ((ObjectNode) n.get("venue"))
                        .put("latitude", 200))), 400, "venue.latitude"),
                bad("negative price", p -> create(SeedJson.with(n -> ((ObjectNode) n.withArray("tickets").get(0))
                        .put("free", false).put("price", -5).put("currency", "GBP"))), 400, "tickets[0].price"),
                bad("idempotency key too long", p -> create(Fixtures.seedJson()).header("Idempotency-Key",
                        "k".repeat(256)), 400, "Idempotency-Key"),
                // listing
                bad("cursor not ours", p -> list(Map.of("cursor", "bm90LWEtY3Vyc29y")), 400, "cursor"),
                bad("cursor forged from another key", p -> list(Map.of("cursor", Base64.getUrlEncoder()
                        .encodeToString("{\"pk\":\"SUBSCRIBER#x\"}".getBytes(StandardCharsets.UTF_8)))), 400, "cursor"),
                bad("cursor for another index", p -> list(Map.of("cursor", Base64.getUrlEncoder().encodeToString(
                        "{\"pk\":\"EVENT#x\",\"sk\":\"EVENT\",\"gsi2pk\":\"SUBSCRIBER\",\"gsi2sk\":\"a\"}"
                                .getBytes(StandardCharsets.UTF_8)))), 400, "cursor"),
                bad("limit zero", p -> list(Map.of("limit", "0")), 400, "limit"),
                bad("unknown status", p -> list(Map.of("status", "archived")), 400, "status"),
                // state and preconditions
                bad("update without If-Match", p -> ApiEvents.organiser("PUT", p.published())
                        .json(Fixtures.seedJson()), 428, null),
                bad("update with a stale ETag", p -> ApiEvents.organiser("PUT", p.published())
                        .header("If-Match", "\"1\"").json(Fixtures.seedJson()), 412, null),
                bad("update with a weak ETag", p -> ApiEvents.organiser("PUT", p.published())
                        .header("If-Match", "W/\"2\"").json(Fixtures.seedJson()), 412, null),
                bad("published slug changed", p -> ApiEvents.organiser("PUT", p.published())
                        .header("If-Match", "\"2\"").json(SeedJson.with(n -> n.put("slug", "moved"))), 409, "slug"),
                bad("draft renamed to a taken slug", p -> ApiEvents.organiser("PUT", p.draft())
                        .header("If-Match", "\"1\"").json(SeedJson.with(n -> n.put("slug", Fixtures.SEED_SLUG))),
                        409, "slug"),
                bad("delete a published event", p -> ApiEvents.organiser("DELETE", p.published()), 409, null),
                bad("cancel a draft", p -> ApiEvents.organiser("POST", p.draft() + "/cancel")
                        .json("{\"reason\": \"x\"}"), 409, null),
                bad("cancel without a reason", p -> ApiEvents.organiser("POST", p.published() + "/cancel")
                        .json("{}"), 400, "reason"),
                bad("cancel with an unknown field", p -> ApiEvents.organiser("POST", p.published() + "/cancel")
                        .json("{\"reason\": \"x\", \"notify\": true}"), 400, "notify"),
                bad("publish with a stale ETag", p -> ApiEvents.organiser("POST", p.draft() + "/publish")
                        .header("If-Match", "\"7\""), 412, null),
                bad("publish an unknown event", p -> ApiEvents.organiser("POST",
                        "/api/events/3f1c2a9e-0000-4000-8000-000000000000/publish"), 404, null),
                // API Gateway routes no PATCH here; were it mis-deployed to, the route key is unknown
                bad("PATCH", p -> ApiEvents.organiser("PATCH", p.draft()).json("{}"), 404, null),
                // input that used to pass: times, characters, links and paths
                bad("Z on a local time", p -> create(SeedJson.with(n -> n.put("start", "2017-09-26T18:45:00Z"))),
                        400, "start"),
                bad("offset on a local time", p -> create(SeedJson.with(n -> n.put("end", "2017-09-26T21:00:00+01:00"))),
                        400, "end"),
                bad("year 0", p -> create(SeedJson.with(n -> n.put("start", "0000-09-26T18:45:00")
                        .put("end", "0000-09-26T21:00:00").remove("agenda"))), 400, "start"),
                bad("year 999,999,999", p -> create(SeedJson.with(n -> n.put("start", "+999999999-09-26T18:45:00")
                        .put("end", "+999999999-09-26T21:00:00").remove("agenda"))), 400, "start"),
                bad("agenda in the spring-forward gap", p -> create(SeedJson.with(n -> {
                    n.put("start", "2017-03-26T00:00:00").put("end", "2017-03-26T05:00:00").putArray("agenda")
                            .addObject().put("start", "2017-03-26T01:30:00").put("title", "Lost hour").put("kind", "TALK");
                })), 400, "agenda[0].start"),
                bad("agenda kind is a number", p -> create(SeedJson.with(n -> agenda(n, 0).put("kind", 1))), 400,
                        "agenda[0].kind"),
                bad("invalid UTF-8", p -> invalidUtf8(), 400, "body"),
                bad("U+FFFD left by a lenient decoder", p -> create(SeedJson.with(n -> n.put("title", "caf\ufffd"))),
                        400, "title"),
                bad("C1 control NEL in title", p -> create(SeedJson.with(n -> n.put("title", "a\u0085b"))), 400,
                        "title"),
                bad("non-character in venue name", p -> create(SeedJson.with(n -> ((ObjectNode) n.get("venue"))
                        .put("name", "ODI\ufffe"))), 400, "venue.name"),
                bad("quote in a venue link", p -> create(SeedJson.with(n -> ((ObjectNode) n.get("venue"))
                        .put("url", "https://x.org/\"onmouseover=\"alert(1)"))), 400, "venue.url"),
                bad("credentials in a ticket link", p -> create(SeedJson.with(n -> ((ObjectNode) n.withArray("tickets")
                        .get(0)).put("url", "https://tickets.example@evil.example/"))), 400, "tickets[0].url"),
                bad("alias over the 404 page", p -> create(SeedJson.with(n -> n.putArray("aliases").add("/404.html"))),
                        400, "aliases[0]"),
                bad("alias over the admin config", p -> create(SeedJson.with(n -> n.putArray("aliases")
                        .add("/old").add("/admin/config.json"))), 400, "aliases[1]"),
                bad("alias over robots.txt, escaped", p -> create(SeedJson.with(n -> n.putArray("aliases")
                        .add("/%72obots.txt"))), 400, "aliases[0]"),
                bad("alias over the home page", p -> create(SeedJson.with(n -> n.putArray("aliases")
                        .add("/index.html"))), 400, "aliases[0]"),
                bad("alias over the API", p -> create(SeedJson.with(n -> n.putArray("aliases").add("/api/events"))),
                        400, "aliases[0]"),
                bad("alias another event redirects from", p -> create(SeedJson.with(n -> n.put("slug", "new-night"))),
                        409, "aliases[0]"),
                bad("draft given another event's alias, spelt differently", p -> ApiEvents.organiser("PUT", p.draft())
                        .header("If-Match", "\"1\"").json(SeedJson.with(n -> n.put("title", "Draft night")
                                .putArray("aliases").add(PUBLISHED_ALIAS + "/"))), 409, "aliases[0]"));
    }

    @TestFactory
    Stream<DynamicTest> isRefused_andChangesNothing() {
        return badRequests().map(bad -> DynamicTest.dynamicTest(bad.toString(), () -> {
            var before = scan();

            var response = handler.handleRequest(bad.request().apply(paths).build(), null);

            assertThat(response.getStatusCode()).isEqualTo(bad.status());
            assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
            assertThat(json(response).get("status").asInt()).isEqualTo(bad.status());
            if (bad.field() != null) {
                assertThat(json(response).get("errors").findValuesAsText("field")).contains(bad.field());
            }
            assertThat(response.getBody()).doesNotContain("Exception", "\tat ", "com.fasterxml", "software.amazon");
            assertThat(scan()).isEqualTo(before);
        }));
    }

    @Test
    void thereAreAtLeastThirtyCases() {
        assertThat(badRequests().count()).isGreaterThanOrEqualTo(30);
    }

    private static BadRequest bad(String name, Function<Paths, ApiEvents> request, int status, String field) {
        return new BadRequest(name, request, status, field);
    }

    private static ApiEvents create(String body) {
        return ApiEvents.organiser("POST", "/api/events").json(body);
    }

    private static ApiEvents list(Map<String, String> query) {
        return ApiEvents.organiser("GET", "/api/events").query(query);
    }

    private static ApiEvents invalidUtf8() {
        ApiEvents request = create("{}");
        byte[] body = SeedJson.with(n -> n.put("title", "caf\u00e9")).getBytes(StandardCharsets.UTF_8);
        int accent = new String(body, StandardCharsets.ISO_8859_1).indexOf("caf") + 3;
        body[accent] = (byte) 0xe9;
        body[accent + 1] = ' ';
        APIGatewayV2HTTPEvent event = request.build();
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        return request;
    }

    private static ApiEvents base64Garbage() {
        ApiEvents request = create("{}");
        APIGatewayV2HTTPEvent event = request.build();
        event.setBody("not*base64" + Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);
        return request;
    }

    private static ObjectNode agenda(ObjectNode seed, int index) {
        return (ObjectNode) seed.withArray("agenda").get(index);
    }

    private List<Map<String, AttributeValue>> scan() {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)).items().stream()
                .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s())
                        .thenComparing(i -> i.get("sk").s()))
                .toList();
    }
}
