package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import com.amazonaws.services.lambda.runtime.tests.annotations.Events;
import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.model.EventStatus;
import io.handbill.store.InMemoryEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventApiHandlerTest {
    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    private final Clock clock = Clock.fixed(Instant.parse("2017-09-01T10:00:00Z"), ZoneOffset.UTC);
    private final EventApiHandler handler = Handlers.eventApi(store, idempotency, clock);

    @ParameterizedTest
    @Event(value = "events/apigw/create-seed-event.json", type = APIGatewayV2HTTPEvent.class)
    void createSeed_returns201WithLocationAndEtag_andStoresADraft(APIGatewayV2HTTPEvent request) {
        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        var stored = store.all();
        assertThat(stored).singleElement().satisfies(event -> {
            assertThat(event.status()).isEqualTo(EventStatus.DRAFT);
            assertThat(event.slug()).isEqualTo(Fixtures.SEED_SLUG);
            assertThat(event.draft().withSlug(null)).isEqualTo(Fixtures.seedDraft());
            assertThat(response.getHeaders()).containsEntry("Location", "/api/events/" + event.id())
                    .containsEntry("ETag", "\"1\"").containsEntry("Content-Type", "application/json");
        });
        assertThat(json(response).get("title").asText()).isEqualTo(Fixtures.seedDraft().title());
    }

    @ParameterizedTest
    @Event(value = "events/apigw/create-seed-event-base64.json", type = APIGatewayV2HTTPEvent.class)
    void base64EncodedBody_isDecoded(APIGatewayV2HTTPEvent request) {
        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(store.all()).singleElement().extracting(e -> e.title()).isEqualTo(Fixtures.seedDraft().title());
    }

    @ParameterizedTest
    @Events(folder = "events/apigw/rejected", type = APIGatewayV2HTTPEvent.class)
    void rejectedRequest_answersTheExpectedProblem_andStoresNothing(APIGatewayV2HTTPEvent request) {
        // each fixture names its expected outcome in stage variables, which the handler does not read
        int expectedStatus = Integer.parseInt(request.getStageVariables().get("expectStatus"));
        String expectedField = request.getStageVariables().get("expectField");

        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(expectedStatus);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(expectedStatus);
        assertThat(problem.get("title").asText()).isNotBlank();
        if (!expectedField.isEmpty()) {
            assertThat(problem.get("errors").findValuesAsText("field")).contains(expectedField);
        }
        assertThat(response.getBody()).doesNotContain("Exception", "at io.", "jackson");
        assertThat(store.all()).isEmpty();
        assertThat(idempotency.all()).isEmpty();
        assertThat(store.siteVersion().value()).isZero();
    }

    @ParameterizedTest
    @Event(value = "events/apigw/list-upcoming-drafts.json", type = APIGatewayV2HTTPEvent.class)
    void listUpcomingDrafts_showsDraftsOnly(APIGatewayV2HTTPEvent request) {
        String draftId = create(Fixtures.seedJson()).getHeaders().get("Location").substring("/api/events/".length());
        String other = create(SeedJson.with(n -> n.remove("aliases")).replace("Leeds DevOps:", "Other:"))
                .getHeaders().get("Location").substring("/api/events/".length());
        handler.handleRequest(ApiEvents.organiser("POST", "/api/events/" + other + "/publish").build(), null);

        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("items")).extracting(item -> item.get("id").asText()).containsExactly(draftId);
        assertThat(json(response).has("nextCursor")).isFalse();
    }

    @Test
    void list_pagesWithCursor() {
        for (int i = 0; i < 3; i++) {
            create(SeedJson.with(n -> n.remove("aliases")));
        }

        var first = handler.handleRequest(ApiEvents.organiser("GET", "/api/events").query(Map.of("limit", "2"))
                .build(), null);
        String cursor = json(first).get("nextCursor").asText();
        var second = handler.handleRequest(ApiEvents.organiser("GET", "/api/events")
                .query(Map.of("limit", "2", "cursor", cursor)).build(), null);

        assertThat(json(first).get("items")).hasSize(2);
        assertThat(json(second).get("items")).hasSize(1);
        assertThat(json(second).has("nextCursor")).isFalse();
    }

    @Test
    void lifecycle_createGetUpdatePublishCancel() {
        String location = create(Fixtures.seedJson()).getHeaders().get("Location");

        var got = handler.handleRequest(ApiEvents.organiser("GET", location).build(), null);
        assertThat(got.getStatusCode()).isEqualTo(200);
        assertThat(got.getHeaders()).containsEntry("ETag", "\"1\"");

        var notModified = handler.handleRequest(ApiEvents.organiser("GET", location).header("If-None-Match", "\"1\"")
                .build(), null);
        assertThat(notModified.getStatusCode()).isEqualTo(304);
        assertThat(notModified.getBody()).isNull();

        String renamed = Fixtures.seedJson().replace("Kubernetes networking and nanoservices", "Networking night");
        var updated = handler.handleRequest(ApiEvents.organiser("PUT", location).header("If-Match", "\"1\"")
                .json(renamed).build(), null);
        assertThat(updated.getStatusCode()).isEqualTo(200);
        assertThat(updated.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(json(updated).get("title").asText()).isEqualTo("Leeds DevOps: Networking night");

        var stale = handler.handleRequest(ApiEvents.organiser("PUT", location).header("If-Match", "\"1\"")
                .json(Fixtures.seedJson()).build(), null);
        assertThat(stale.getStatusCode()).isEqualTo(412);
        assertThat(store.all()).singleElement().extracting(e -> e.title()).isEqualTo("Leeds DevOps: Networking night");
        assertThat(store.siteVersion().value()).as("drafts are not public").isZero();

        var published = handler.handleRequest(ApiEvents.organiser("POST", location + "/publish").build(), null);
        assertThat(published.getStatusCode()).isEqualTo(200);
        assertThat(json(published).get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(store.siteVersion().value()).isEqualTo(1);

        var cancelled = handler.handleRequest(ApiEvents.organiser("POST", location + "/cancel")
                .header("If-Match", "\"3\"").json("{\"reason\": \"Venue flooded\"}").build(), null);
        assertThat(cancelled.getStatusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(json(cancelled).get("cancelReason").asText()).isEqualTo("Venue flooded");
        assertThat(store.siteVersion().value()).isEqualTo(2);

        var deleted = handler.handleRequest(ApiEvents.organiser("DELETE", location).build(), null);
        assertThat(deleted.getStatusCode()).isEqualTo(409);
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void deleteDraft_returns204_andFreesTheSlug() {
        String location = create(Fixtures.seedJson()).getHeaders().get("Location");

        var deleted = handler.handleRequest(ApiEvents.organiser("DELETE", location).build(), null);

        assertThat(deleted.getStatusCode()).isEqualTo(204);
        assertThat(store.all()).isEmpty();
        assertThat(json(create(Fixtures.seedJson())).get("slug").asText()).isEqualTo(Fixtures.SEED_SLUG);
    }

    @Test
    void sameTitleAndDate_getNumberedSlugs() {
        create(Fixtures.seedJson());

        var second = create(SeedJson.with(n -> n.remove("aliases")));

        assertThat(json(second).get("slug").asText()).isEqualTo(Fixtures.SEED_SLUG + "-2");
    }

    @Test
    void explicitSlugTaken_is409_andStoresNothingMore() {
        String withSlug = Fixtures.seedJson().replaceFirst("\\{", "{\"slug\": \"leeds-devops\",");
        create(withSlug);

        var second = create(withSlug);

        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(json(second).get("errors").findValuesAsText("code")).containsExactly("taken");
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void publishedSlug_cannotChange() {
        String location = create(Fixtures.seedJson()).getHeaders().get("Location");
        handler.handleRequest(ApiEvents.organiser("POST", location + "/publish").build(), null);

        var moved = handler.handleRequest(ApiEvents.organiser("PUT", location).header("If-Match", "\"2\"")
                .json(Fixtures.seedJson().replaceFirst("\\{", "{\"slug\": \"new-address\",")).build(), null);

        assertThat(moved.getStatusCode()).isEqualTo(409);
        assertThat(json(moved).get("errors").findValuesAsText("field")).containsExactly("slug");
    }

    @Test
    void cancelDraft_is409_publishCancelled_is409() {
        String location = create(Fixtures.seedJson()).getHeaders().get("Location");

        var cancelDraft = handler.handleRequest(ApiEvents.organiser("POST", location + "/cancel")
                .json("{\"reason\": \"x\"}").build(), null);
        handler.handleRequest(ApiEvents.organiser("POST", location + "/publish").build(), null);
        handler.handleRequest(ApiEvents.organiser("POST", location + "/cancel").json("{\"reason\": \"x\"}").build(),
                null);
        var republish = handler.handleRequest(ApiEvents.organiser("POST", location + "/publish").build(), null);

        assertThat(cancelDraft.getStatusCode()).isEqualTo(409);
        assertThat(republish.getStatusCode()).isEqualTo(409);
    }

    @Test
    void reinstate_bringsACancelledUpcomingEventBack_withANewSequence_andNeedsACancelledEvent() {
        String location = create(Fixtures.seedJson()).getHeaders().get("Location");
        var early = handler.handleRequest(ApiEvents.organiser("POST", location + "/reinstate").build(), null);
        handler.handleRequest(ApiEvents.organiser("POST", location + "/publish").build(), null);
        handler.handleRequest(ApiEvents.organiser("POST", location + "/cancel").json("{\"reason\": \"x\"}").build(),
                null);
        io.handbill.model.Event cancelled = store.all().get(0);

        var reinstated = handler.handleRequest(ApiEvents.organiser("POST", location + "/reinstate").build(), null);

        assertThat(early.getStatusCode()).isEqualTo(409);
        assertThat(reinstated.getStatusCode()).isEqualTo(200);
        io.handbill.model.Event back = store.all().get(0);
        assertThat(back.status()).isEqualTo(io.handbill.model.EventStatus.PUBLISHED);
        assertThat(back.cancelReason()).isNull();
        assertThat(back.icsSequence()).isGreaterThan(cancelled.icsSequence());
    }

    @Test
    void repeatedPublish_changesNothingButTheSiteVersion() {
        String location = create(Fixtures.seedJson()).getHeaders().get("Location");
        handler.handleRequest(ApiEvents.organiser("POST", location + "/publish").build(), null);

        var again = handler.handleRequest(ApiEvents.organiser("POST", location + "/publish").build(), null);

        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getHeaders()).containsEntry("ETag", "\"2\"");
        assertThat(store.siteVersion().value()).as("a retry repairs a missed bump").isEqualTo(2);
    }

    @Test
    void idempotentCreate_replaysTheFirstResponse_andStoresOneEvent() {
        var first = create(Fixtures.seedJson(), "key-1");
        var replay = create(Fixtures.seedJson().replace("\n", " "), "key-1");

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(replay.getStatusCode()).isEqualTo(201);
        assertThat(replay.getBody()).isEqualTo(first.getBody());
        assertThat(replay.getHeaders()).containsEntry("Location", first.getHeaders().get("Location"))
                .containsEntry("ETag", first.getHeaders().get("ETag")).containsEntry("Idempotent-Replayed", "true");
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void idempotencyKeyReusedWithAnotherBody_is422() {
        create(Fixtures.seedJson(), "key-1");

        var reused = create(Fixtures.seedJson().replace("Leeds DevOps:", "Other:"), "key-1");

        assertThat(reused.getStatusCode()).isEqualTo(422);
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void invalidIdempotencyKey_is400() {
        var response = create(Fixtures.seedJson(), "x".repeat(256));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        assertThat(store.all()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/events", "POST, /api/events", "GET, /api/events/x", "PUT, /api/events/x",
            "DELETE, /api/events/x", "POST, /api/events/x/publish", "POST, /api/events/x/cancel"})
    void everyRoute_needsTheOrganisersGroup(String method, String path) {
        var response = handler.handleRequest(ApiEvents.organiser(method, path).claims(Map.of("sub", "u",
                "cognito:groups", "[readers]")).json(Fixtures.seedJson()).build(), null);

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(store.all()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..%2F..", "a%20b", "%3Cscript%3E",
            "a" + "00000000000000000000000000000000" + "00000000000000000000000000000000"})
    void idThatNoEventCanHave_is404(String id) {
        create(Fixtures.seedJson());

        var got = handler.handleRequest(ApiEvents.organiser("GET", "/api/events/" + id).build(), null);
        var published = handler.handleRequest(ApiEvents.organiser("POST", "/api/events/" + id + "/publish").build(),
                null);

        assertThat(got.getStatusCode()).isEqualTo(404);
        assertThat(published.getStatusCode()).isEqualTo(404);
        assertThat(json(got).get("detail").asText()).isEqualTo("There is no event with this id.");
        assertThat(store.siteVersion().value()).isZero();
    }

    @Test
    void unexpectedFailure_is500WithAFixedBody() {
        var broken = Handlers.eventApi(new InMemoryEventStore() {
            @Override
            public void create(io.handbill.model.Event event) {
                throw new IllegalStateException("secret internal detail");
            }
        }, idempotency, clock);

        var response = broken.handleRequest(ApiEvents.organiser("POST", "/api/events").json(Fixtures.seedJson())
                .build(), null);

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("secret", "IllegalState");
    }

    private APIGatewayV2HTTPResponse create(String body) {
        return handler.handleRequest(ApiEvents.organiser("POST", "/api/events").json(body).build(), null);
    }

    private APIGatewayV2HTTPResponse create(String body, String idempotencyKey) {
        return handler.handleRequest(ApiEvents.organiser("POST", "/api/events").json(body)
                .header("Idempotency-Key", idempotencyKey).build(), null);
    }

    static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.MAPPER.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }
}
