package io.handbill.render;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.handbill.fixtures.Fixtures;
import io.handbill.store.DynamoDbSeriesStore;
import io.handbill.testkit.FaultInjector.Attempt;
import io.handbill.testkit.FaultInjector;
import io.handbill.testkit.FaultInjector.Fault;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.handbill.render.TestEvents.NOW;
import static io.handbill.render.TestEvents.SITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream batch that publishes an event, under injected S3 and DynamoDB faults: each write the renderer makes to
 * the event page, the index, the feed and the listing (chosen by object key or item key, since the renderer writes
 * objects in parallel and skips unchanged ones, so the n-th PutObject is a different object each run), in turn,
 * under each kind of fault, met by the renderer (every attempt) or the SDK's retry (once). The batch must either publish everything or report its record as failed;
 * Lambda then redelivers it, and after the redelivery the event's page, its entry in the listing, the index and
 * the feed are all there — never a page without its listing entry or the reverse.
 */
class RenderPages_FaultsIT extends LocalAwsTest {
    private static final String SEED_ID = "seed-2017-09-26";
    private static final String PAGE = "events/" + Fixtures.SEED_SLUG + "/index.html";
    /** The objects whose write a publish must not lose; every DynamoDB write is broken too. */
    private static final Set<String> FAULTED_OBJECTS = Set.of(PAGE, "index.html", "feed.xml");
    private static final Set<String> FAULTED_ITEM_WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem");
    private static final int REDELIVERIES = 3;
    private static final Map<String, Integer> INJECTED = new TreeMap<>();
    private static final AtomicInteger CASES_HELD = new AtomicInteger();
    private static final AtomicInteger REPORTED = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.println("[faults] page-renderer: " + CASES_HELD + " cases ended with page, listing entry, index "
                + "and feed in step (" + REPORTED + " first deliveries reported their record for redelivery); "
                + "injected " + INJECTED);
    }

    @TestFactory
    Stream<DynamicTest> publishUnderEveryFault_reportsTheRecordOrPublishesIt_andTheRedeliveryRepairs() {
        List<Attempt> calls = writesOfAPublish();
        assertThat(calls).extracting(Attempt::operation).contains("PutObject", "PutItem");
        assertThat(calls).extracting(Attempt::target).containsAll(FAULTED_OBJECTS);
        List<DynamicTest> tests = new ArrayList<>();
        for (Attempt call : calls) {
            for (Fault fault : Fault.values()) {
                for (int times : fault == Fault.DROPPED_AFTER_APPLIED
                        ? new int[]{1, LocalAws.FaultyClients.ATTEMPTS} : new int[]{LocalAws.FaultyClients.ATTEMPTS}) {
                    tests.add(DynamicTest.dynamicTest(call + " " + fault + " x" + times, () -> {
                        aws.reset();
                        aws.eventStore().create(Fixtures.seedEvent());
                        var faults = new FaultInjector().inject(fault, call, times);
                        RenderPagesHandler handler = handler(faults);

                        boolean reported = deliver(handler);
                        List<String> missing = missing();
                        assertThat(reported || missing.isEmpty())
                                .as("a batch that left " + missing + " must report its record").isTrue();
                        for (int i = 0; i < REDELIVERIES && reported; i++) {
                            reported = deliver(handler);
                        }

                        assertThat(faults.injected()).as("faults injected")
                                .containsEntry(call.operation() + " " + fault, times);
                        assertThat(missing()).as("after the redelivery").isEmpty();
                        faults.injected().forEach((kind, count) -> INJECTED.merge(kind, count, Integer::sum));
                        REPORTED.addAndGet(missing.isEmpty() ? 0 : 1);
                        CASES_HELD.incrementAndGet();
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** One delivery of the batch, as Lambda makes it; true when the record must come again. */
    private static boolean deliver(RenderPagesHandler handler) {
        try {
            StreamsEventResponse response = handler.handleRequest(SitePublisherIT.stream(SEED_ID), null);
            return !response.getBatchItemFailures().isEmpty();
        } catch (RuntimeException e) {
            // a handler that throws fails the whole batch: Lambda retries it
            return true;
        }
    }

    private RenderPagesHandler handler(FaultInjector faults) {
        var clients = aws.withFaults(faults);
        return new RenderPagesHandler(new SitePublisher(aws.eventStore(),
                new DynamoDbSeriesStore(clients.dynamoDb(), aws.tableName()),
                new PublicListing(clients.dynamoDb(), aws.tableName()), new PageRenderer(SITE),
                new BucketWriter(clients.s3(), aws.bucketName()), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** The faulted writes of a clean publish, each once, in a fixed order. */
    private List<Attempt> writesOfAPublish() {
        aws.reset();
        aws.eventStore().create(Fixtures.seedEvent());
        var recorder = new FaultInjector();
        assertThat(deliver(handler(recorder))).isFalse();
        assertThat(missing()).isEmpty();
        return recorder.attempts().stream()
                .filter(a -> FAULTED_ITEM_WRITES.contains(a.operation())
                        || a.operation().equals("PutObject") && FAULTED_OBJECTS.contains(a.target()))
                .distinct().sorted(Comparator.comparing(Attempt::operation).thenComparing(Attempt::target)).toList();
    }

    /** What of the published event is not where it must be. */
    private List<String> missing() {
        List<String> missing = new ArrayList<>();
        String page = read(PAGE);
        if (page == null || !page.contains("Kubernetes networking")) {
            missing.add("event page");
        }
        String index = read("index.html");
        if (index == null || !index.contains("/events/" + Fixtures.SEED_SLUG + "/")) {
            missing.add("index link");
        }
        String feed = read("feed.xml");
        if (feed == null || !feed.contains(Fixtures.SEED_SLUG)) {
            missing.add("feed entry");
        }
        boolean listed = new PublicListing(aws.dynamoDb(), aws.tableName()).read()
                .map(snapshot -> snapshot.events().stream().anyMatch(e -> e.id().equals(SEED_ID))).orElse(false);
        if (!listed) {
            missing.add("listing entry");
        }
        return missing;
    }

    private String read(String key) {
        try {
            return aws.s3().getObjectAsBytes(r -> r.bucket(aws.bucketName()).key(key)).asUtf8String();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }
}
