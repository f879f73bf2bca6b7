package io.handbill.render;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.Image;
import io.handbill.store.DynamoDbSeriesStore;
import io.handbill.store.EventStore;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.handbill.render.TestEvents.NOW;
import static io.handbill.render.TestEvents.SITE;
import static org.assertj.core.api.Assertions.assertThat;

/** The publisher and its Lambda handler against dynalite and S3Proxy: what lands in the bucket, and what does not. */
@ExtendWith(LocalAwsExtension.class)
class SitePublisherIT {
    private static final String SEED_ID = "seed-2017-09-26";
    private static final String SEED_KEY = "events/" + Fixtures.SEED_SLUG + "/index.html";
    private static final String ALIAS = "post/165145694230/meetup-tuesday-26th-september-2017-at-the-odi";
    private static final Instant LATER = NOW.plusSeconds(86_400);

    private final LocalAws aws;
    private final EventStore store;
    private final DynamoDbSeriesStore series;
    private final SitePublisher publisher;
    private final RenderPagesHandler handler;
    private final ObjectMapper json = new ObjectMapper();

    SitePublisherIT(LocalAws aws) {
        this.aws = aws;
        this.store = aws.eventStore();
        this.series = new DynamoDbSeriesStore(aws.dynamoDb(), aws.tableName());
        this.publisher = new SitePublisher(store, series, new PublicListing(aws.dynamoDb(), aws.tableName()),
                new PageRenderer(SITE), new BucketWriter(aws.s3(), aws.bucketName()), Clock.fixed(NOW, ZoneOffset.UTC));
        this.handler = new RenderPagesHandler(publisher);
    }

    @Test
    void publishedSeed_landsWithEverythingTheSiteNeeds() throws Exception {
        givenPublishedSeed();

        StreamsEventResponse response = handler.handleRequest(stream(SEED_ID), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(keys()).contains(SEED_KEY, "index.html", "feed.xml", "sitemap.xml", "robots.txt", "404.html",
                ALIAS + "/index.html").anyMatch(k -> k.matches("assets/site\\.[0-9a-f]{12}\\.css"));
        Document page = Jsoup.parse(get(SEED_KEY));
        assertThat(page.selectFirst("h1").text()).isEqualTo("Leeds DevOps: Kubernetes networking and nanoservices");
        assertThat(page.select("table.agenda tbody tr")).hasSize(6);
        assertThat(json.readTree(page.selectFirst("script[type=application/ld+json]").data()).path("name").asText())
                .isEqualTo("Leeds DevOps: Kubernetes networking and nanoservices");
        assertThat(Jsoup.parse(get("index.html")).select("section[aria-labelledby=upcoming-heading] a")
                .eachAttr("href")).containsExactly("/events/" + Fixtures.SEED_SLUG + "/");
        thenHeaders(SEED_KEY, "text/html;charset=utf-8", "public, max-age=300");
        thenHeaders("index.html", "text/html;charset=utf-8", "public, max-age=300");
        thenHeaders("feed.xml", "application/atom+xml;charset=utf-8", "public, max-age=300");
        thenHeaders("sitemap.xml", "application/xml;charset=utf-8", "public, max-age=300");
        thenHeaders("robots.txt", "text/plain;charset=utf-8", "public, max-age=300");
        thenHeaders("assets/rsvp.js", "text/javascript;charset=utf-8", "public, max-age=300");
        String css = keys().stream().filter(k -> k.startsWith("assets/") && k.endsWith(".css")).findFirst()
                .orElseThrow();
        thenHeaders(css, "text/css;charset=utf-8", "public, max-age=31536000, immutable");
        assertThat(Jsoup.parse(get(SEED_KEY)).select("link[rel=stylesheet]").attr("href")).isEqualTo("/" + css);
        String localTime = keys().stream().filter(k -> k.matches("assets/localtime\\.[0-9a-f]{12}\\.js")).findFirst()
                .orElseThrow();
        thenHeaders(localTime, "text/javascript;charset=utf-8", "public, max-age=31536000, immutable");
        assertThat(Jsoup.parse(get(SEED_KEY)).select("script[src]").eachAttr("src")).contains("/" + localTime);
    }

    @Test
    void aliasPaths_holdRedirectPagesToTheEvent() {
        givenPublishedSeed();

        handler.handleRequest(stream(SEED_ID), null);

        String target = SITE.eventUrl(Fixtures.SEED_SLUG);
        for (String key : List.of(ALIAS + "/index.html")) {
            HeadObjectResponse head = head(key);
            assertThat(head.contentType()).isEqualTo("text/html;charset=utf-8");
            assertThat(head.metadata()).containsEntry(BucketWriter.REDIRECT, target);
            Document redirect = Jsoup.parse(get(key));
            assertThat(redirect.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0; url=" + target);
            assertThat(redirect.select("link[rel=canonical]").attr("href")).isEqualTo(target);
            assertThat(redirect.select("a").attr("href")).isEqualTo(target);
        }
    }

    @Test
    void removedAlias_losesItsRedirect_andTheNextEventCanRedirectFromIt() {
        Event seed = givenSeedOnTheSite();
        assertThat(keys()).contains(ALIAS + "/index.html");

        store.update(seed.edit(seed.draft().toBuilder().aliases(List.of("/old/kept")).build(), LATER));
        StreamsEventResponse response = handler.handleRequest(streamOf(eventRecord(SEED_ID, "2000"),
                aliasRecord(ALIAS + "/index.html", "2001")), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(keys()).doesNotContain(ALIAS + "/index.html").contains("old/kept/index.html", SEED_KEY);
        Event next = Events.published("next", Drafts.seed().slug("next-night").aliases(List.of("/" + ALIAS)), LATER);
        store.create(next);
        handler.handleRequest(streamOf(aliasRecord(ALIAS + "/index.html", "2002")), null);
        assertThat(head(ALIAS + "/index.html").metadata()).containsEntry(BucketWriter.REDIRECT,
                SITE.eventUrl("next-night"));
    }

    @Test
    void aliasRecordForASiteFile_neverDeletesIt() {
        givenSeedOnTheSite();

        handler.handleRequest(streamOf(aliasRecord("404.html", "3000"), aliasRecord("robots.txt", "3001"),
                aliasRecord("index.html", "3002"), aliasRecord(SEED_KEY, "3003")), null);

        assertThat(keys()).contains("404.html", "robots.txt", "index.html", SEED_KEY);
    }

    @Test
    void draft_isNeverPublic_andDeletingItRemovesNothing() {
        givenSeedOnTheSite();
        Event draft = Event.create("draft-1", Drafts.seed().slug("secret-draft").aliases(List.of()).build(), NOW);
        store.create(draft);

        handler.handleRequest(stream("draft-1"), null);

        assertThat(keys()).noneMatch(k -> k.contains("secret-draft"));
        assertThat(get("index.html") + get("feed.xml") + get("sitemap.xml")).doesNotContain("secret-draft");

        store.delete("draft-1", draft.version());
        SitePublisher.Outcome outcome = publisher.publish(List.of("draft-1"));

        assertThat(outcome.written()).isEmpty();
        assertThat(keys()).contains(SEED_KEY);
    }

    @Test
    void descriptionEdit_rewritesOnlyThePageFeedAndSitemap_andAReplayWritesNothing() {
        Event seed = givenSeedOnTheSite();
        store.update(seed.edit(seed.draft().toBuilder().description("We now have **pizza**.").build(), LATER));

        SitePublisher.Outcome outcome = publisher.publish(List.of(SEED_ID));

        assertThat(outcome.written()).containsExactlyInAnyOrder(SEED_KEY, "feed.xml", "sitemap.xml");
        assertThat(Jsoup.parse(get(SEED_KEY)).select(".description strong").text()).isEqualTo("pizza");
        assertThat(publisher.publish(List.of(SEED_ID)).written()).isEmpty();
    }

    @Test
    void publicEditWhoseSiteVersionRaiseFailed_raisesItOnce_soCalendarFeedsDoNotAnswer304ForIt() {
        Event seed = givenSeedOnTheSite();
        long before = store.siteVersion().value();
        // the API wrote the edit, then could not raise the site version the feeds' ETag comes from
        store.update(seed.edit(seed.draft().toBuilder().description("Moved upstairs.").build(), LATER));

        assertThat(publisher.publish(List.of(SEED_ID)).failedEventIds()).isEmpty();
        assertThat(store.siteVersion().value()).isEqualTo(before + 1);
        assertThat(store.siteVersion().updatedAt()).isEqualTo(LATER);

        publisher.publish(List.of(SEED_ID));
        assertThat(store.siteVersion().value()).as("a redelivery finds the change covered").isEqualTo(before + 1);
    }

    @Test
    void titleEdit_alsoRewritesTheIndexAndAliases() {
        Event seed = givenSeedOnTheSite();
        store.update(seed.edit(seed.draft().toBuilder().title("Kubernetes and nanoservices").build(), LATER));

        SitePublisher.Outcome outcome = publisher.publish(List.of(SEED_ID));

        String card = cardKey(SEED_KEY);
        assertThat(outcome.written()).containsExactlyInAnyOrder(SEED_KEY, "index.html", "feed.xml", "sitemap.xml",
                ALIAS + "/index.html", card);
        assertThat(Jsoup.parse(get("index.html")).select(".entry-title").text())
                .isEqualTo("Kubernetes and nanoservices");
        thenHeaders(card, "image/png", "public, max-age=31536000, immutable");
    }

    @Test
    void withoutCover_theShareCardIsDrawnOnce_andAnEditThatKeepsTitleAndDateDrawsNone() throws Exception {
        Event seed = givenPublishedSeed();
        handler.handleRequest(stream(SEED_ID), null);
        String card = cardKey(SEED_KEY);
        assertThat(keys()).contains(card);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes(card)));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);

        store.update(seed.edit(seed.draft().toBuilder().description("Pizza.").build(), LATER));
        assertThat(publisher.publish(List.of(SEED_ID)).written()).doesNotContain(card).hasSize(3);
        assertThat(publisher.rebuildAll().written()).isEmpty();
    }

    @Test
    void uploadedCover_isResizedTo1200And720AtPublish_once() throws Exception {
        String upload = "media/0123456789abcdef0123456789abcdef.jpg";
        BufferedImage photo = new BufferedImage(2000, 1500, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);
        aws.s3().putObject(r -> r.bucket(aws.bucketName()).key(upload).contentType("image/jpeg"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(jpeg.toByteArray()));
        Event seed = Fixtures.seedEvent().toBuilder().draft(d -> d.cover(new Image("/" + upload, "The room"))).build();
        store.create(seed);

        List<String> written = publisher.publish(List.of(SEED_ID)).written();

        for (int width : List.of(1200, 720)) {
            String key = "media/0123456789abcdef0123456789abcdef-" + width + ".jpg";
            assertThat(written).contains(key);
            thenHeaders(key, "image/jpeg", "public, max-age=31536000, immutable");
            BufferedImage copy = ImageIO.read(new ByteArrayInputStream(bytes(key)));
            assertThat(copy.getWidth()).isEqualTo(width);
            assertThat(copy.getHeight()).isEqualTo(width * 630 / 1200);
        }
        assertThat(written).noneMatch(k -> k.contains("/card-"));
        assertThat(Jsoup.parse(get(SEED_KEY)).select("meta[property=og:image]").attr("content"))
                .isEqualTo("https://events.example.org/media/0123456789abcdef0123456789abcdef-1200.jpg");
        store.update(seed.edit(seed.draft().toBuilder().description("Pizza.").build(), LATER));
        assertThat(publisher.publish(List.of(SEED_ID)).written()).noneMatch(k -> k.startsWith("media/"));
    }

    @Test
    void coverWhoseUploadIsMissing_publishesThePageWithoutCopies() {
        Event seed = Fixtures.seedEvent().toBuilder()
                .draft(d -> d.cover(new Image("/media/ffffffffffffffffffffffffffffffff.png", null))).build();
        store.create(seed);

        SitePublisher.Outcome outcome = publisher.publish(List.of(SEED_ID));

        assertThat(outcome.failedEventIds()).isEmpty();
        assertThat(outcome.written()).contains(SEED_KEY).noneMatch(k -> k.startsWith("media/"));
    }

    private String cardKey(String pageKey) {
        String src = Jsoup.parse(get(pageKey)).select("meta[property=og:image]").attr("content");
        return src.substring(SITE.url("/").length());
    }

    private byte[] bytes(String key) {
        return aws.s3().getObjectAsBytes(r -> r.bucket(aws.bucketName()).key(key)).asByteArray();
    }

    @Test
    void cancel_keepsThePageWithBannerAndReason() throws Exception {
        Event seed = givenSeedOnTheSite();
        store.update(seed.cancel("The venue has flooded; see you in October.", LATER));

        handler.handleRequest(stream(SEED_ID), null);

        Document page = Jsoup.parse(get(SEED_KEY));
        assertThat(page.selectFirst(".notice-cancelled").text())
                .isEqualTo("Cancelled. The venue has flooded; see you in October.");
        assertThat(json.readTree(page.selectFirst("script[type=application/ld+json]").data())
                .path("eventStatus").asText()).isEqualTo("https://schema.org/EventCancelled");
        assertThat(Jsoup.parse(get("index.html")).select(".tag-cancelled").text()).isEqualTo("Cancelled");
        assertThat(get("feed.xml")).contains("<title>Cancelled: Leeds DevOps");
    }

    @Test
    void dateChange_showsRescheduledWithThePreviousStart() throws Exception {
        Event seed = givenSeedOnTheSite();
        EventDraft d = seed.draft();
        store.update(seed.edit(d.toBuilder().start(d.start().plusDays(7)).end(d.end().plusDays(7)).agenda(List.of())
                .build(), LATER));

        handler.handleRequest(stream(SEED_ID), null);

        JsonNode ld = json.readTree(Jsoup.parse(get(SEED_KEY)).selectFirst("script[type=application/ld+json]").data());
        assertThat(ld.path("eventStatus").asText()).isEqualTo("https://schema.org/EventRescheduled");
        assertThat(ld.path("previousStartDate").asText()).isEqualTo("2017-09-26T18:45:00+01:00");
        assertThat(ld.path("startDate").asText()).isEqualTo("2017-10-03T18:45:00+01:00");
    }

    @Test
    void hostileText_isInertOnEveryPublishedObject() throws Exception {
        Event hostile = TestEvents.hostile();
        store.create(hostile);

        handler.handleRequest(stream(hostile.id()), null);

        for (String key : List.of("events/hostile/index.html", "index.html", "post/1/index.html", "404.html")) {
            HtmlSafety.assertInert(Jsoup.parse(get(key)));
        }
        Document page = Jsoup.parse(get("events/hostile/index.html"));
        assertThat(page.selectFirst("h1").text()).isEqualTo(TestEvents.XSS);
        assertThat(json.readTree(page.selectFirst("script[type=application/ld+json]").data()).path("name").asText())
                .isEqualTo(TestEvents.XSS);
        assertThat(XmlCheck.parse(get("feed.xml")).getElementsByTagName("entry").getLength()).isEqualTo(1);
    }

    @Test
    void batchWithACorruptEvent_reportsOnlyThatEventsRecords() {
        givenPublishedSeed();
        aws.dynamoDb().putItem(r -> r.tableName(aws.tableName()).item(Map.of(
                "pk", s("EVENT#broken"), "sk", s("EVENT"), "doc", s("{not json"))));

        StreamsEventResponse response = handler.handleRequest(
                stream(List.of(SEED_ID, "broken", "broken"), List.of("100", "200", "300")), null);

        assertThat(response.getBatchItemFailures()).extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("200", "300");
        assertThat(keys()).contains(SEED_KEY, "index.html");
    }

    @Test
    void lambdaStreamPayload_isReadAndAnsweredInTheStreamResponseShape() throws Exception {
        givenPublishedSeed();

        JsonNode response = invoke(getClass().getResourceAsStream("/events/dynamodb/stream-keys-only.json"));

        assertThat(response.path("batchItemFailures").isArray()).isTrue();
        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(keys()).contains(SEED_KEY);
    }

    @Test
    void rebuildAction_rendersTheWholeSite_andDropsArchivePagesThatNoLongerExist() throws Exception {
        List<Event> past = givenPastMeetups(PageRenderer.PAGE_SIZE + 5);
        givenPublishedSeed();

        JsonNode response = invoke(new ByteArrayInputStream("{\"action\":\"rebuild\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.path("written").asInt()).isGreaterThanOrEqualTo(past.size() + 1 + 2 + 5);
        assertThat(keys()).contains(SEED_KEY, "events/past-0/index.html", "page/2/index.html");
        Document first = Jsoup.parse(get("index.html"));
        assertThat(first.select("section[aria-labelledby=upcoming-heading] .entry")).hasSize(1);
        assertThat(first.select("section[aria-labelledby=past-heading] h3").eachText()).containsExactly("2015");
        assertThat(first.select("section[aria-labelledby=past-heading] .entry")).hasSize(PageRenderer.PAGE_SIZE);
        assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("/page/2/");
        Document second = Jsoup.parse(get("page/2/index.html"));
        assertThat(second.select(".entry-title").eachText()).containsExactly("Past meetup 4", "Past meetup 3",
                "Past meetup 2", "Past meetup 1", "Past meetup 0");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("/");

        for (Event event : past.subList(0, 10)) {
            store.delete(event.id(), event.version());
        }
        publisher.rebuildAll();

        assertThat(keys()).doesNotContain("page/2/index.html");
    }

    @Test
    void editOfAnArchivedEvent_rewritesOnlyItsArchivePage() {
        List<Event> past = givenPastMeetups(PageRenderer.PAGE_SIZE + 5);
        publisher.rebuildAll();
        Event oldest = past.get(0);
        store.update(oldest.edit(oldest.draft().toBuilder().title("Renamed meetup").build(), LATER));

        SitePublisher.Outcome outcome = publisher.publish(List.of(oldest.id()));

        // the feed holds the latest fifty events, so all thirty here; a new title is a new share card
        assertThat(outcome.written()).containsExactlyInAnyOrder("events/past-0/index.html", "page/2/index.html",
                "feed.xml", "sitemap.xml", cardKey("events/past-0/index.html"));
        assertThat(Jsoup.parse(get("page/2/index.html")).select(".entry-title").eachText()).contains("Renamed meetup");
    }

    @Test
    void refreshAction_movesAnEventThatHasHappenedToThePast() throws Exception {
        givenSeedOnTheSite();
        RenderPagesHandler weekLater = new RenderPagesHandler(new SitePublisher(store, series,
                new PublicListing(aws.dynamoDb(), aws.tableName()), new PageRenderer(SITE),
                new BucketWriter(aws.s3(), aws.bucketName()), Clock.fixed(NOW.plusSeconds(14 * 86_400), ZoneOffset.UTC)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        weekLater.handleRequest(new ByteArrayInputStream("{\"action\":\"refresh\"}".getBytes(StandardCharsets.UTF_8)),
                out, null);

        assertThat(json.readTree(out.toByteArray()).path("written").asInt()).isEqualTo(1);
        Document index = Jsoup.parse(get("index.html"));
        assertThat(index.select("section[aria-labelledby=upcoming-heading] .entry")).isEmpty();
        assertThat(index.select("section[aria-labelledby=past-heading] .entry-title").eachText())
                .containsExactly("Leeds DevOps: Kubernetes networking and nanoservices");
    }

    @Test
    void concurrentBatchesInTwoContainers_bothEndUpInTheListingAndTheIndex() throws Exception {
        Event a = TestEvents.published("a", "event-a", "Event A", LocalDateTime.parse("2017-10-03T18:30:00"));
        Event b = TestEvents.published("b", "event-b", "Event B", LocalDateTime.parse("2017-10-10T18:30:00"));
        store.create(a);
        store.create(b);
        SitePublisher otherContainer = new SitePublisher(store, series, new PublicListing(aws.dynamoDb(), aws.tableName()),
                new PageRenderer(SITE), new BucketWriter(aws.s3(), aws.bucketName()), Clock.fixed(NOW, ZoneOffset.UTC));
        ExecutorService pool = Executors.newFixedThreadPool(2);

        Future<SitePublisher.Outcome> first = pool.submit(() -> publisher.publish(List.of("a")));
        Future<SitePublisher.Outcome> second = pool.submit(() -> otherContainer.publish(List.of("b")));
        first.get();
        second.get();
        pool.shutdown();

        assertThat(new PublicListing(aws.dynamoDb(), aws.tableName()).read().orElseThrow().events())
                .extracting(Event::id).containsExactly("a", "b");
        assertThat(Jsoup.parse(get("index.html")).select(".entry-title").eachText())
                .containsExactly("Event A", "Event B");
    }

    @Test
    void listingCommit_isRefusedWhenSomeoneCommittedSince() {
        PublicListing listing = new PublicListing(aws.dynamoDb(), aws.tableName());
        List<Event> entries = List.of(Fixtures.seedEvent().listingEntry());

        assertThat(listing.commit(0, entries)).isTrue();
        assertThat(listing.commit(0, List.of())).isFalse();
        assertThat(listing.commit(1, List.of())).isTrue();
        assertThat(listing.read().orElseThrow()).isEqualTo(new PublicListing.Snapshot(2, List.of()));
        assertThat(listing.commit(2, entries)).isTrue();
        assertThat(listing.read().orElseThrow().events()).isEqualTo(entries);
    }

    /** {@code count} published meetups, a week apart from January 2015: enough to fill archive pages. */
    private List<Event> givenPastMeetups(int count) {
        List<Event> past = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Event event = TestEvents.published("past-" + i, "past-" + i, "Past meetup " + i,
                    LocalDateTime.parse("2015-01-06T18:30:00").plusWeeks(i));
            store.create(event);
            past.add(event);
        }
        return past;
    }

    /** The published seed, already put on the site by its stream record. */
    private Event givenSeedOnTheSite() {
        Event seed = givenPublishedSeed();
        handler.handleRequest(stream(SEED_ID), null);
        return seed;
    }

    private Event givenPublishedSeed() {
        Event seed = Fixtures.seedEvent();
        store.create(seed);
        return seed;
    }

    private JsonNode invoke(InputStream request) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(request, out, null);
        return json.readTree(out.toByteArray());
    }

    static DynamodbEvent stream(String... eventIds) {
        List<String> sequences = new ArrayList<>();
        for (int i = 0; i < eventIds.length; i++) {
            sequences.add(String.valueOf(1000 + i));
        }
        return stream(List.of(eventIds), sequences);
    }

    static DynamodbEvent stream(List<String> eventIds, List<String> sequenceNumbers) {
        List<DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 0; i < eventIds.size(); i++) {
            DynamodbStreamRecord record = new DynamodbStreamRecord();
            record.setEventName("MODIFY");
            record.setDynamodb(new StreamRecord().withSequenceNumber(sequenceNumbers.get(i))
                    .withKeys(Map.of("pk", new AttributeValue().withS("EVENT#" + eventIds.get(i)),
                            "sk", new AttributeValue().withS("EVENT"))));
            records.add(record);
        }
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        return event;
    }

    private static DynamodbStreamRecord eventRecord(String eventId, String sequence) {
        return stream(List.of(eventId), List.of(sequence)).getRecords().get(0);
    }

    /** What the stream tells when an alias claim changes: its key only. */
    private static DynamodbStreamRecord aliasRecord(String key, String sequence) {
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventName("REMOVE");
        record.setDynamodb(new StreamRecord().withSequenceNumber(sequence)
                .withKeys(Map.of("pk", new AttributeValue().withS("ALIAS#" + key),
                        "sk", new AttributeValue().withS("ALIAS"))));
        return record;
    }

    private static DynamodbEvent streamOf(DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(records));
        return event;
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }

    private List<String> keys() {
        return aws.s3().listObjectsV2Paginator(r -> r.bucket(aws.bucketName())).contents().stream()
                .map(S3Object::key).toList();
    }

    private String get(String key) {
        ResponseBytes<?> bytes = aws.s3().getObjectAsBytes(r -> r.bucket(aws.bucketName()).key(key));
        return bytes.asUtf8String();
    }

    private HeadObjectResponse head(String key) {
        return aws.s3().headObject(r -> r.bucket(aws.bucketName()).key(key));
    }

    private void thenHeaders(String key, String contentType, String cacheControl) {
        HeadObjectResponse head = head(key);
        assertThat(head.contentType()).as(key).isEqualTo(contentType);
        assertThat(head.cacheControl()).as(key).isEqualTo(cacheControl);
    }
}
