package io.handbill.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.model.EventStatus;
import io.handbill.model.Series;
import io.handbill.model.SeriesStatus;
import io.handbill.store.DynamoDbSeriesStore;
import io.handbill.store.HandbillTable;
import io.handbill.testkit.LocalAwsTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static io.handbill.api.EventApiHandlerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Series through the real handler against dynalite: the lifecycle, concurrent refreshes, refused requests. */
class SeriesApiIT extends LocalAwsTest {
    private static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");

    private EventApiHandler handler;

    @BeforeEach
    void setUp() {
        handler = handler();
    }

    @Test
    void create_generate_editOne_editTemplate_skip_end() throws Exception {
        // create: six drafts at once
        var created = send(ApiEvents.organiser("POST", "/api/series").json(monthly(6)));
        assertThat(created.getStatusCode()).isEqualTo(201);
        JsonNode series = json(created);
        String id = series.get("id").asText();
        assertThat(series.get("occurrences").findValuesAsText("start")).containsExactly("2027-02-09T18:30:00",
                "2027-03-09T18:30:00", "2027-04-13T18:30:00", "2027-05-11T18:30:00", "2027-06-08T18:30:00",
                "2027-07-13T18:30:00");
        assertThat(series.get("occurrences").findValuesAsText("slug")).doesNotHaveDuplicates()
                .allMatch(slug -> slug.endsWith("-leeds-devops"));

        // edit one: the third gets its talk, and is published
        String third = series.get("occurrences").get(2).get("id").asText();
        ObjectNode thirdEvent = (ObjectNode) json(send(ApiEvents.organiser("GET", "/api/events/" + third)));
        ObjectNode seed = (ObjectNode) Json.MAPPER.readTree(Fixtures.seedJson());
        thirdEvent.set("talks", seed.get("talks"));
        thirdEvent.set("speakers", seed.get("speakers"));
        thirdEvent.put("description", "Kubernetes networking, explained");
        var edited = send(ApiEvents.organiser("PUT", "/api/events/" + third).header("If-Match", "\"1\"")
                .json(Json.write(draftFields(thirdEvent))));
        assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(200);
        assertThat(send(ApiEvents.organiser("POST", "/api/events/" + third + "/publish")).getStatusCode())
                .isEqualTo(200);
        // and the first gets its own venue name
        String first = series.get("occurrences").get(0).get("id").asText();
        ObjectNode firstEvent = (ObjectNode) json(send(ApiEvents.organiser("GET", "/api/events/" + first)));
        ((ObjectNode) firstEvent.get("venue")).put("name", "The Tetley");
        send(ApiEvents.organiser("PUT", "/api/events/" + first).header("If-Match", "\"1\"")
                .json(Json.write(draftFields(firstEvent))));

        // edit the template: new venue name and sponsor
        ObjectNode update = (ObjectNode) Json.MAPPER.readTree(monthly(6));
        ((ObjectNode) update.get("template").get("venue")).put("name", "Leeds Beckett");
        var updated = send(ApiEvents.organiser("PUT", "/api/series/" + id).header("If-Match", "\"1\"")
                .json(Json.write(update)));
        assertThat(updated.getStatusCode()).as(updated.getBody()).isEqualTo(200);
        assertThat(venueName(first)).isEqualTo("The Tetley");
        assertThat(venueName(series.get("occurrences").get(1).get("id").asText())).isEqualTo("Leeds Beckett");
        assertThat(venueName(third)).as("published, no applyToPublished").isNotEqualTo("Leeds Beckett");
        assertThat(json(send(ApiEvents.organiser("GET", "/api/events/" + third))).get("talks")).isNotEmpty();

        // skip: the fourth (May), a draft, goes; the published third (April) is cancelled
        var skipped = send(ApiEvents.organiser("POST", "/api/series/" + id + "/skip")
                .json("{\"date\":\"2027-05-11\",\"reason\":\"Venue closed\"}"));
        assertThat(skipped.getStatusCode()).as(skipped.getBody()).isEqualTo(200);
        assertThat(json(skipped).get("occurrences").findValuesAsText("start")).doesNotContain("2027-05-11T18:30:00");
        assertThat(json(skipped).get("exceptions").get(0).get("reason").asText()).isEqualTo("Venue closed");
        send(ApiEvents.organiser("POST", "/api/series/" + id + "/skip").json("{\"date\":\"2027-04-13\"}"));
        assertThat(json(send(ApiEvents.organiser("GET", "/api/events/" + third))).get("status").asText())
                .isEqualTo("CANCELLED");

        // the daily refresh adds nothing new, skipped dates included
        assertThat(refresh()).isEqualTo(0);
        assertThat(eventItems()).hasSize(5);

        // end: future drafts go, the cancelled (once published) one stays
        assertThat(send(ApiEvents.organiser("DELETE", "/api/series/" + id)).getStatusCode()).isEqualTo(204);
        assertThat(eventItems()).hasSize(1);
        JsonNode ended = json(send(ApiEvents.organiser("GET", "/api/series/" + id)));
        assertThat(ended.get("status").asText()).isEqualTo("ENDED");
        assertThat(ended.get("occurrences").findValuesAsText("id")).containsExactly(third);
    }

    @Test
    void concurrentRefreshes_andOneAfterACrash_createEachOccurrenceOnce() throws Exception {
        var store = new DynamoDbSeriesStore(aws.dynamoDb(), aws.tableName());
        Series series = new Series("s-concurrent", "leeds-devops", "Leeds DevOps", "FREQ=MONTHLY;BYDAY=2TU",
                LocalTime.of(18, 30), Duration.ofHours(3), "Europe/London", LocalDate.of(2027, 2, 1), 6,
                io.handbill.model.EventDraft.builder().build(), List.of(), SeriesStatus.ACTIVE, 1, NOW, NOW);
        store.create(series);
        // a refresh that crashed after its claim, before the event
        store.claim(series.id(), LocalDate.of(2027, 3, 9),
                OccurrenceGenerator.occurrenceId(series.id(), LocalDate.of(2027, 3, 9)));

        var pool = Executors.newFixedThreadPool(4);
        var runs = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 4; i++) {
            EventApiHandler own = handler();
            runs.add(() -> refresh(own));
        }
        for (var run : pool.invokeAll(runs)) {
            run.get();
        }
        pool.shutdown();

        List<Map<String, AttributeValue>> events = eventItems();
        assertThat(events).hasSize(6);
        assertThat(events).extracting(i -> i.get("slug").s()).doesNotHaveDuplicates();
        assertThat(events).extracting(i -> i.get("status").s()).containsOnly(EventStatus.DRAFT.name());
        assertThat(json(send(ApiEvents.organiser("GET", "/api/series/s-concurrent"))).get("occurrences"))
                .hasSize(6);
    }

    @ParameterizedTest(name = "{0} -> 400 {2}")
    @CsvSource(delimiter = '|', value = {
            "invalid rule             | rule=FREQ=MONTHLY;BYDAY=9XX     | rule",
            "no dates                 | rule=FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 | rule",
            "hourly                   | rule=FREQ=HOURLY                | rule",
            "ended before first date  | rule=FREQ=MONTHLY;UNTIL=20200101 | rule",
            "bad start time           | startTime=25:99                 | startTime",
            "bad duration             | duration=3 hours                | duration",
            "unknown zone             | timeZone=Mars/Olympus           | timeZone",
            "bad first date           | firstDate=2027-02-30            | firstDate",
            "blank title              | title=                          | title"})
    void badSeries_is400NamingTheField_andStoresNothing(String name, String change, String field) throws Exception {
        assertThat(rejectedFields("/api/series", monthlyWith(change))).contains(field);
    }

    @Test
    void preview_givesTheDatesCreateWouldMake_andStoresNothing() throws Exception {
        var before = scan();

        var preview = send(ApiEvents.organiser("POST", "/api/series/preview").json(monthly(6)));

        assertThat(preview.getStatusCode()).as(preview.getBody()).isEqualTo(200);
        assertThat(json(preview).get("occurrences").findValuesAsText("start")).containsExactly(
                "2027-02-09T18:30:00", "2027-03-09T18:30:00", "2027-04-13T18:30:00", "2027-05-11T18:30:00",
                "2027-06-08T18:30:00", "2027-07-13T18:30:00");
        assertThat(json(preview).get("occurrences").get(0).get("date").asText()).isEqualTo("2027-02-09");
        assertThat(scan()).isEqualTo(before);
        var created = json(send(ApiEvents.organiser("POST", "/api/series").json(monthly(6))));
        assertThat(created.get("occurrences").findValuesAsText("start"))
                .isEqualTo(json(preview).get("occurrences").findValuesAsText("start"));
    }

    @ParameterizedTest(name = "preview: {0} -> 400 {2}")
    @CsvSource(delimiter = '|', value = {
            "invalid rule             | rule=FREQ=MONTHLY;BYDAY=9XX     | rule",
            "unbounded, no dates      | rule=FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 | rule",
            "bad duration             | duration=3 hours                | duration"})
    void badPreview_is400NamingTheField_andStoresNothing(String name, String change, String field) throws Exception {
        assertThat(rejectedFields("/api/series/preview", monthlyWith(change))).containsExactly(field);
    }

    @Test
    void badHorizonAndTemplate_areNamed_andStoreNothing() throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(monthly(99));
        ((ObjectNode) body.get("template")).putArray("agenda").addObject().put("start", "2017-09-26T10:00:00")
                .put("title", "Breakfast");

        assertThat(rejectedFields("/api/series", Json.write(body))).contains("horizon");
    }

    @Test
    void unknownSeries_is404() {
        assertThat(send(ApiEvents.organiser("GET", "/api/series/nope")).getStatusCode()).isEqualTo(404);
        assertThat(send(ApiEvents.organiser("POST", "/api/series/nope/skip").json("{\"date\":\"2027-02-09\"}"))
                .getStatusCode()).isEqualTo(404);
    }

    /** The seed as template (as "make this monthly" sends it): second Tuesdays, 18:30 London. */
    /** POSTs {@code body} to {@code path}: a 400 problem that stores nothing; returns the fields it names. */
    private List<String> rejectedFields(String path, String body) throws Exception {
        var before = scan();

        var response = send(ApiEvents.organiser("POST", path).json(body));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(scan()).isEqualTo(before);
        return json(response).get("errors").findValuesAsText("field");
    }

    /** {@link #monthly}(6) with one top-level field set: {@code change} is {@code field=value}. */
    private static String monthlyWith(String change) throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(monthly(6));
        String[] parts = change.split("=", 2);
        body.put(parts[0], parts[1]);
        return Json.write(body);
    }

    static String monthly(int horizon) throws Exception {
        ObjectNode template = (ObjectNode) Json.MAPPER.readTree(Fixtures.seedJson());
        template.put("title", "Leeds DevOps");
        var body = Json.MAPPER.createObjectNode().put("title", "Leeds DevOps").put("rule", "FREQ=MONTHLY;BYDAY=2TU")
                .put("startTime", "18:30").put("duration", "PT4H15M").put("timeZone", "Europe/London")
                .put("firstDate", "2027-02-01").put("horizon", horizon);
        body.set("template", template);
        return Json.write(body);
    }

    private static ObjectNode draftFields(ObjectNode event) {
        var draft = event.deepCopy();
        for (String field : List.of("id", "startsAt", "endsAt", "status", "cancelReason", "previousStartsAt",
                "version", "icsSequence", "createdAt", "updatedAt", "seriesId", "seriesStamp")) {
            draft.remove(field);
        }
        return draft;
    }

    private String venueName(String eventId) {
        return json(send(ApiEvents.organiser("GET", "/api/events/" + eventId))).get("venue").get("name").asText();
    }

    private EventApiHandler handler() {
        return Handlers.onTable(aws, NOW);
    }

    private int refresh() {
        return refresh(handler);
    }

    private static int refresh(EventApiHandler handler) {
        var event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(EventApiHandler.REFRESH_SERIES);
        return json(handler.handleRequest(event, null)).get("created").asInt();
    }

    private APIGatewayV2HTTPResponse send(ApiEvents request) {
        return handler.handleRequest(request.build(), null);
    }

    private List<Map<String, AttributeValue>> eventItems() {
        return scan().stream().filter(i -> i.get(HandbillTable.PK).s().startsWith("EVENT#")
                && i.get(HandbillTable.SK).s().equals("EVENT")).toList();
    }

    private List<Map<String, AttributeValue>> scan() {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)).items().stream()
                .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s())
                        .thenComparing(i -> i.get("sk").s()))
                .toList();
    }
}
