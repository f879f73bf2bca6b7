package io.handbill.icsfeed;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.fixtures.Events;
import io.handbill.model.SiteConfig;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.testkit.FaultInjector;
import io.handbill.testkit.FaultInjector.Fault;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static io.handbill.ical.IcsAssertions.assertValid;
import static io.handbill.ical.IcsAssertions.assertWellFormed;
import static io.handbill.ical.IcsAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar routes under injected DynamoDB faults: every read of the group feed (site version and the three
 * pages of the public index its five events fill at two a page), of a conditional revalidation and of one event's file,
 * in turn, under each kind of fault, met by the SDK's retry (once) or not (as often as the client tries). Every
 * answer is the whole, valid calendar or a 503 with {@code Retry-After} that nothing caches — never a calendar
 * missing events — and asking again afterwards gets the whole calendar.
 */
@ExtendWith(LocalAwsExtension.class)
class IcsFeed_FaultsIT {
    private static final SiteConfig SITE = new SiteConfig("https://events.leedsdevops.org.uk", "Leeds DevOps",
            "organisers@leedsdevops.org.uk");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    /** Events per page of the public index, so that five events make three pages. */
    private static final int PAGE_SIZE = 2;
    private static final int EVENTS = 5;

    private static final Map<String, Integer> INJECTED = new TreeMap<>();
    private static final Map<String, Integer> OUTCOMES = new TreeMap<>();
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger TRUNCATED = new AtomicInteger();

    /** One read the request makes: the {@code nth} attempt of {@code operation}. */
    record Read(String operation, int nth) {
    }

    /** What a calendar app asks for, and how many events the answer must hold. */
    private enum Ask {
        FEED(EVENTS), REVALIDATION(EVENTS), EVENT_FILE(1);

        final int events;

        Ask(int events) {
            this.events = events;
        }
    }

    @AfterAll
    static void report() {
        System.out.println("[faults] ics-feed: " + CASES + " cases, " + TRUNCATED + " truncated or invalid "
                + "calendars; answers " + OUTCOMES + "; injected " + INJECTED);
    }

    @TestFactory
    Stream<DynamicTest> everyReadOfEachRequest_underEveryFault_answersTheWholeCalendarOrA503(LocalAws aws) {
        var store = new DynamoDbEventStore(aws.dynamoDb(), aws.tableName());
        LocalDateTime first = LocalDateTime.parse("2026-12-01T18:30");
        for (int i = 0; i < EVENTS; i++) {
            store.create(Events.published("e" + i, "Meetup " + i, first.plusDays(i), first.plusDays(i).plusHours(3),
                    "Europe/London"));
        }
        store.bumpSiteVersion(NOW);
        String etag = get(handler(aws, new FaultInjector()), Ask.FEED, null).getHeaders().get("ETag");

        List<DynamicTest> tests = new ArrayList<>();
        for (Ask ask : Ask.values()) {
            Supplier<APIGatewayV2HTTPEvent> request = () -> request(ask, etag);
            for (Read read : readsOf(aws, request)) {
                for (Fault fault : Fault.values()) {
                    for (int times : new int[]{1, LocalAws.FaultyClients.ATTEMPTS}) {
                        tests.add(DynamicTest.dynamicTest(ask + " " + read + " " + fault + " x" + times, () -> {
                            var faults = new FaultInjector().inject(fault, read.operation(), read.nth(), times);
                            IcsFeedHandler handler = handler(aws, faults);

                            APIGatewayV2HTTPResponse answer = handler.handleRequest(request.get(), null);
                            String outcome = check(ask, answer);
                            APIGatewayV2HTTPResponse again = handler.handleRequest(request.get(), null);

                            assertThat(faults.injected()).as("faults injected")
                                    .containsEntry(read.operation() + " " + fault, times);
                            faults.injected().forEach((kind, count) -> INJECTED.merge(kind, count, Integer::sum));
                            OUTCOMES.merge(outcome, 1, Integer::sum);
                            CASES.incrementAndGet();
                            if (times == 1) {
                                assertThat(outcome).as("one fault is the SDK's to retry").isNotEqualTo("503");
                            }
                            assertThat(check(ask, again)).as("asked again").isNotEqualTo("503");
                        }));
                    }
                }
            }
        }
        return tests.stream();
    }

    /** Either the whole calendar (or 304 for a revalidation), or a clean 503; counts anything else as truncated. */
    private static String check(Ask ask, APIGatewayV2HTTPResponse answer) {
        Map<String, String> headers = answer.getHeaders();
        if (answer.getStatusCode() == 503) {
            assertThat(headers).containsEntry("Retry-After", CalendarEndpoints.RETRY_AFTER_SECONDS)
                    .containsEntry("Cache-Control", "no-store");
            assertThat(headers.get("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.getBody()).doesNotContain("BEGIN:VCALENDAR", "Exception");
            return "503";
        }
        if (ask == Ask.REVALIDATION) {
            assertThat(answer.getStatusCode()).isEqualTo(304);
            return "304";
        }
        assertThat(answer.getStatusCode()).isEqualTo(200);
        String ics = answer.getBody();
        int events = ics == null ? 0 : parse(ics).getEvents().size();
        if (events != ask.events) {
            TRUNCATED.incrementAndGet();
        }
        assertThat(events).as("events in the calendar").isEqualTo(ask.events);
        assertWellFormed(ics);
        assertValid(ics);
        return "200";
    }

    /** The DynamoDB reads of a request without faults, in the order it makes them (it makes them one by one). */
    private static List<Read> readsOf(LocalAws aws, Supplier<APIGatewayV2HTTPEvent> request) {
        var recorder = new FaultInjector();
        handler(aws, recorder).handleRequest(request.get(), null);
        Map<String, Integer> seen = new HashMap<>();
        List<Read> reads = new ArrayList<>();
        for (String call : recorder.calls()) {
            String operation = call.substring(call.indexOf('.') + 1);
            reads.add(new Read(operation, seen.merge(operation, 1, Integer::sum)));
        }
        assertThat(reads).isNotEmpty();
        return reads;
    }

    private static APIGatewayV2HTTPResponse get(IcsFeedHandler handler, Ask ask, String etag) {
        return handler.handleRequest(request(ask, etag), null);
    }

    private static APIGatewayV2HTTPEvent request(Ask ask, String etag) {
        return switch (ask) {
            case FEED -> Requests.calendar("GET", Map.of());
            case REVALIDATION -> Requests.calendar("GET", Map.of("If-None-Match", etag));
            case EVENT_FILE -> Requests.eventFile("GET", "e" + (EVENTS - 1) + ".ics", Map.of());
        };
    }

    private static IcsFeedHandler handler(LocalAws aws, FaultInjector faults) {
        return new IcsFeedHandler(new CalendarFeeds(new DynamoDbEventStore(aws.withFaults(faults).dynamoDb(),
                aws.tableName()), SITE, Clock.fixed(NOW, ZoneOffset.UTC), IcsFeedConfig.DEFAULT_PAST_DAYS, PAGE_SIZE));
    }
}
