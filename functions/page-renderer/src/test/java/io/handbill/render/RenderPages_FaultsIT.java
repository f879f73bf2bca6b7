package io.handbill.render;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.handbill.fixtures.Fixtures;
import io.handbill.testkit.FaultInjector;
import io.handbill.testkit.FaultInjector.Fault;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A stream batch that publishes an event, under injected S3 and DynamoDB faults: each kind of write the renderer
 * makes (the first and last page, the listing commit) in turn, under each kind of fault, met by the renderer (every
 * attempt) or the SDK's retry (once). The batch must either publish everything or report its record as failed;
 * Lambda then redelivers it, and after the redelivery the event's page, its entry in the listing, the index and
 * the feed are all there — never a page without its listing entry or the reverse.
 */
@ExtendWith(LocalAwsExtension.class)
class RenderPages_FaultsIT {
    private static final String SEED_ID = "seed-2017-09-26";
    private static final String PAGE = "events/" + Fixtures.SEED_SLUG + "/index.html";
    private static final Set<String> FAULTED = Set.of("PutObject", "DeleteObject", "DeleteObjects", "PutItem",
            "UpdateItem");
    private static final int REDELIVERIES = 3;
    private static final Map<String, Integer> INJECTED = new TreeMap<>();
    private static final AtomicInteger CASES_HELD = new AtomicInteger();
    private static final AtomicInteger REPORTED = new AtomicInteger();

    record Call(String operation, int nth) {
    }

    private LocalAws aws;

    @BeforeEach
    void emulators(LocalAws aws) {
        this.aws = aws;
    }

    @AfterAll
    static void report() {
        System.out.println("[faults] page-renderer: " + CASES_HELD + " cases ended with page, listing entry, index "
                + "and feed in step (" + REPORTED + " first deliveries reported their record for redelivery); "
                + "injected " + INJECTED);
    }

    @TestFactory
    Stream<DynamicTest> publishUnderEveryFault_reportsTheRecordOrPublishesIt_andTheRedeliveryRepairs() {
        List<Call> calls = callsOfAPublish();
        assertThat(calls).extracting(Call::operation).contains("PutObject", "PutItem");
        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : chosen(calls)) {
            for (Fault fault : Fault.values()) {
                for (int times : fault == Fault.DROPPED_AFTER_APPLIED
                        ? new int[]{1, LocalAws.FaultyClients.ATTEMPTS} : new int[]{LocalAws.FaultyClients.ATTEMPTS}) {
                    tests.add(DynamicTest.dynamicTest(call + " " + fault + " x" + times, () -> {
                        aws.reset();
                        aws.eventStore().create(Fixtures.seedEvent());
                        var faults = new FaultInjector().inject(fault, call.operation(), call.nth(), times);
                        RenderPagesHandler handler = handler(faults);

                        boolean reported = deliver(handler);
                        List<String> missing = missing();
                        assertThat(reported || missing.isEmpty())
                                .as("a batch that left " + missing + " must report its record").isTrue();
                        for (int i = 0; i < REDELIVERIES && reported; i++) {
                            reported = deliver(handler);
                        }

                        assertThat(faults.injected()).isNotEmpty();
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
                new PublicListing(clients.dynamoDb(), aws.tableName()), new PageRenderer(SITE),
                new BucketWriter(clients.s3(), aws.bucketName()), Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private List<Call> callsOfAPublish() {
        aws.reset();
        aws.eventStore().create(Fixtures.seedEvent());
        var recorder = new FaultInjector();
        assertThat(deliver(handler(recorder))).isFalse();
        assertThat(missing()).isEmpty();
        Map<String, Integer> seen = new HashMap<>();
        List<Call> calls = new ArrayList<>();
        for (String call : recorder.calls()) {
            String operation = call.substring(call.indexOf('.') + 1);
            int nth = seen.merge(operation, 1, Integer::sum);
            if (FAULTED.contains(operation)) {
                calls.add(new Call(operation, nth));
            }
        }
        return calls;
    }

    /** The first and the last call of each kind of write. */
    private static List<Call> chosen(List<Call> calls) {
        Map<String, List<Call>> byOperation = new TreeMap<>();
        calls.forEach(call -> byOperation.computeIfAbsent(call.operation(), o -> new ArrayList<>()).add(call));
        List<Call> chosen = new ArrayList<>();
        byOperation.values().forEach(list -> {
            chosen.add(list.get(0));
            if (list.size() > 1) {
                chosen.add(list.get(list.size() - 1));
            }
        });
        return chosen;
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
