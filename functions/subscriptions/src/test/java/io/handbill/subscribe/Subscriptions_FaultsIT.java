package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.SesConfig;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberState;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.subscriber.TokenSecretConfig;
import io.handbill.testkit.FaultInjector;
import io.handbill.testkit.FaultInjector.Attempt;
import io.handbill.testkit.FaultInjector.Fault;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsTest;
import io.handbill.testkit.SentEmail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribe, confirm and unsubscribe under injected DynamoDB and SES faults: every write and send each step makes
 * (the client and mailbox counters, the subscriber item, the confirmation mail — found by a clean run and chosen by
 * item key, so the same call is broken every run), in turn, under each kind of fault, met by the SDK's retry (once)
 * or by the reader (as often as the client tries), who asks again after an error page as a person would. Outcome:
 * the reader ends subscribed, confirmed or unsubscribed, with exactly one confirmation mail (one Message-ID; a send
 * whose answer was lost may reach SES again with the same Message-ID, counted apart) — none lost, none duplicated.
 */
class Subscriptions_FaultsIT extends LocalAwsTest {
    private static final byte[] SECRET = "integration-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org", "Leeds DevOps",
            "organisers@example.org");
    private static final String READER = "ann@example.org";
    private static final Set<String> FAULTED = Set.of("PutItem", "UpdateItem", "DeleteItem", "SendEmail");
    /** The reader's tries in all: after an error page they try again, twice. */
    private static final int TRIES = 3;

    private static final Map<String, Integer> INJECTED = new TreeMap<>();
    private static final Map<String, Integer> REPEATED_SENDS = new TreeMap<>();
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger LOST = new AtomicInteger();
    private static final AtomicInteger DUPLICATED = new AtomicInteger();
    private static final AtomicInteger ERRORS_SEEN = new AtomicInteger();

    /** One step of the double opt-in: what must hold before, the request, and the state it must end in. */
    private enum Step {
        SUBSCRIBE(SubscriberState.PENDING),
        CONFIRM(SubscriberState.CONFIRMED),
        UNSUBSCRIBE(SubscriberState.UNSUBSCRIBED);

        final SubscriberState after;

        Step(SubscriberState after) {
            this.after = after;
        }
    }

    private final TestClock clock = new TestClock(Instant.parse("2026-09-01T10:00:00Z"));

    @AfterAll
    static void report() {
        System.out.println("[faults] subscriptions: " + CASES + " cases, " + LOST + " lost and " + DUPLICATED
                + " duplicated outcomes, " + ERRORS_SEEN + " error answers the reader retried; injected " + INJECTED
                + "; SES sends repeated with the same Message-ID " + REPEATED_SENDS);
    }

    @TestFactory
    Stream<DynamicContainer> everyWriteAndSendOfEachStep_underEveryFault_losesNothingAndDuplicatesNothing() {
        return Stream.of(Step.values()).map(step -> DynamicContainer.dynamicContainer(step.name(),
                cases(step, writesOf(step))));
    }

    private Stream<DynamicTest> cases(Step step, List<Attempt> writes) {
        assertThat(writes).as(step + " writes").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Attempt write : writes) {
            for (Fault fault : Fault.values()) {
                for (int times : new int[]{1, LocalAws.FaultyClients.ATTEMPTS}) {
                    tests.add(DynamicTest.dynamicTest(write + " " + fault + " x" + times, () -> {
                        Function<FaultInjector, APIGatewayV2HTTPResponse> request = given(step);
                        int sentBefore = aws.sentEmails().size();
                        var faults = new FaultInjector().inject(fault, write, times);

                        APIGatewayV2HTTPResponse response = request.apply(faults);
                        for (int tried = 1; tried < TRIES && response.getStatusCode() >= 500; tried++) {
                            ERRORS_SEEN.incrementAndGet();
                            assertThat(response.getBody()).doesNotContain("Exception");
                            response = request.apply(faults);
                        }

                        assertThat(faults.injected()).as("faults injected")
                                .containsEntry(write.operation() + " " + fault, times);
                        faults.injected().forEach((kind, count) -> INJECTED.merge(kind, count, Integer::sum));
                        CASES.incrementAndGet();
                        boolean lost = response.getStatusCode() >= 300
                                || subscriber().map(Subscriber::state).orElse(null) != step.after;
                        int duplicated = 0;
                        if (step == Step.SUBSCRIBE) {
                            List<SentEmail> sent = aws.sentEmails().subList(sentBefore, aws.sentEmails().size());
                            long ids = sent.stream().map(Subscriptions_FaultsIT::messageId).distinct().count();
                            lost |= ids == 0;
                            duplicated = (int) Math.max(0, ids - 1);
                            if (sent.size() > ids) {
                                REPEATED_SENDS.merge(write.operation() + " " + fault + " x" + times,
                                        (int) (sent.size() - ids), Integer::sum);
                            }
                        }
                        LOST.addAndGet(lost ? 1 : 0);
                        DUPLICATED.addAndGet(duplicated);
                        assertThat(response.getStatusCode()).as("the reader's last answer").isLessThan(300);
                        assertThat(subscriber()).get().extracting(Subscriber::state).isEqualTo(step.after);
                        assertThat(lost).as("lost").isFalse();
                        assertThat(duplicated).as("confirmation mails with another Message-ID").isZero();
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** The faulted calls of a clean run of the step, each once, in a fixed order. */
    private List<Attempt> writesOf(Step step) {
        var recorder = new FaultInjector();
        APIGatewayV2HTTPResponse response = given(step).apply(recorder);
        assertThat(response.getStatusCode()).as(step + " without faults").isLessThan(300);
        return recorder.attempts().stream().filter(a -> FAULTED.contains(a.operation())).distinct()
                .sorted(Comparator.comparing(Attempt::operation).thenComparing(Attempt::target)).toList();
    }

    /** Resets the emulators, makes what the step needs, and gives the reader's request on faulty clients. */
    private Function<FaultInjector, APIGatewayV2HTTPResponse> given(Step step) {
        aws.reset();
        var clean = handler(new FaultInjector());
        switch (step) {
            case SUBSCRIBE -> {
                return faults -> handler(faults).handleRequest(subscribeRequest(), null);
            }
            case CONFIRM -> {
                assertThat(clean.handleRequest(subscribeRequest(), null).getStatusCode()).isEqualTo(202);
                String token = confirmToken(aws.sentEmails().get(aws.sentEmails().size() - 1));
                return faults -> handler(faults).handleRequest(
                        HttpEvents.get("/api/subscriptions/confirm", Map.of("token", token)), null);
            }
            default -> {
                assertThat(clean.handleRequest(subscribeRequest(), null).getStatusCode()).isEqualTo(202);
                String confirm = confirmToken(aws.sentEmails().get(aws.sentEmails().size() - 1));
                assertThat(clean.handleRequest(HttpEvents.get("/api/subscriptions/confirm",
                        Map.of("token", confirm)), null).getStatusCode()).isEqualTo(200);
                String token = new SubscriberTokens(SECRET).unsubscribeToken(READER);
                return faults -> handler(faults).handleRequest(HttpEvents.post("/api/unsubscribe",
                        "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", Map.of("token", token)),
                        null);
            }
        }
    }

    private SubscriptionsHandler handler(FaultInjector faults) {
        var clients = aws.withFaults(faults);
        var config = new SubscriptionsConfig(aws.tableName(), SITE, "events@example.org", new SesConfig(null, 1000),
                new TokenSecretConfig(new String(SECRET, StandardCharsets.UTF_8), null), "organisers");
        return new SubscriptionsHandler(config, clients.dynamoDb(), clients.sesV2(), clock);
    }

    private static APIGatewayV2HTTPEvent subscribeRequest() {
        APIGatewayV2HTTPEvent request = HttpEvents.post("/api/subscriptions", "application/json",
                "{\"email\":\"" + READER + "\"}", Map.of());
        request.getRequestContext().getHttp().setSourceIp("192.0.2.10");
        return request;
    }

    private Optional<Subscriber> subscriber() {
        return new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName()).get(READER);
    }

    private static String messageId(SentEmail mail) {
        try {
            return SubscriptionsHandlerIT.parse(mail).getMessageID();
        } catch (Exception e) {
            throw new AssertionError("unreadable mail", e);
        }
    }

    private static String confirmToken(SentEmail mail) {
        try {
            return SubscriptionsHandlerIT.confirmToken(SubscriptionsHandlerIT.parse(mail));
        } catch (Exception e) {
            throw new AssertionError("unreadable mail", e);
        }
    }
}
