package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.SesConfig;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.subscriber.TokenSecretConfig;
import io.handbill.testkit.LocalAwsTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.handbill.fixtures.Fixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscribe limits on dynalite and the SES stub, as several Lambda instances (handlers on one table) share
 * them: the flood from the issue (one client, {@code victim+N@}) costs one mail; a client is cut off after its
 * allowance with 429; a mailbox gets one mail per window from any number of clients; a reader coming back after
 * unsubscribing is mailed at once; a throttled SES answers 503 without using up the mailbox's window.
 */
class SubscribeLimitsIT extends LocalAwsTest {
    private static final byte[] SECRET = "limits-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private final TestClock clock = new TestClock(Instant.parse("2026-09-01T10:00:00Z"));

    @Test
    void theIssuesFlood_oneClientManyPlusAddresses_sendsOneMail_andIsCutOffWith429() {
        SubscriptionsHandler lambda = instance();
        List<Integer> statuses = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            statuses.add(lambda.handleRequest(subscribe("victim+" + n + "@example.org", "203.0.113.7"), null)
                    .getStatusCode());
        }

        assertThat(aws.sentEmails()).hasSize(1);
        assertThat(statuses.subList(0, SubscribeLimits.CLIENT_LIMIT)).containsOnly(202);
        assertThat(statuses.subList(SubscribeLimits.CLIENT_LIMIT, 30)).containsOnly(429);
    }

    @Test
    void aClientOverItsAllowance_gets429WithRetryAfter_whileOtherClientsAndLaterWindowsPass() {
        SubscriptionsHandler lambda = instance();
        for (int n = 0; n < SubscribeLimits.CLIENT_LIMIT; n++) {
            assertThat(lambda.handleRequest(subscribe("reader" + n + "@example.org", "2001:db8:1:2::" + n), null)
                    .getStatusCode()).isEqualTo(202);
        }

        APIGatewayV2HTTPResponse refused = lambda.handleRequest(subscribe("late@example.org", "2001:db8:1:2:ffff::1"),
                null);
        assertThat(refused.getStatusCode()).as("one /64 is one client").isEqualTo(429);
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "600")
                .containsEntry("Content-Type", "application/problem+json");
        assertThat(aws.sentEmails()).hasSize(SubscribeLimits.CLIENT_LIMIT);
        assertThat(new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName()).get("late@example.org")).isEmpty();

        assertThat(lambda.handleRequest(subscribe("late@example.org", "2001:db8:1:3::1"), null).getStatusCode())
                .isEqualTo(202);
        clock.advance(SubscribeLimits.CLIENT_WINDOW);
        assertThat(lambda.handleRequest(subscribe("later@example.org", "2001:db8:1:2::1"), null).getStatusCode())
                .isEqualTo(202);
        assertThat(aws.sentEmails()).hasSize(SubscribeLimits.CLIENT_LIMIT + 2);
    }

    @Test
    void oneMailbox_getsOneMailPerWindow_fromManyClientsAtOnce_acrossInstances() throws Exception {
        List<SubscriptionsHandler> instances = List.of(instance(), instance(), instance());
        List<String> spellings = List.of("Victim@gmail.com", "v.ictim@gmail.com", "victim+news@googlemail.com",
                "VICTIM+1@GMAIL.COM");
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            SubscriptionsHandler lambda = instances.get(i % instances.size());
            APIGatewayV2HTTPEvent event = subscribe(spellings.get(i % spellings.size()), "198.51.100." + i);
            requests.add(() -> lambda.handleRequest(event, null).getStatusCode());
        }

        var pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(requests)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(202);
        assertThat(aws.sentEmails()).hasSize(1);
        clock.advance(SubscribeLimits.MAILBOX_WINDOW);
        instances.get(0).handleRequest(subscribe("v.i.c.t.i.m@gmail.com", "198.51.100.1"), null);
        assertThat(aws.sentEmails()).hasSize(2);
    }

    @Test
    void comingBackAfterUnsubscribing_insideTheWindow_isMailedAtOnce_andThePageSaysWhatHappens() throws Exception {
        SubscriptionsHandler lambda = instance();
        lambda.handleRequest(subscribe("ann@example.org", "192.0.2.1"), null);
        String confirm = SubscriptionsHandlerIT.confirmToken(SubscriptionsHandlerIT.parse(aws.sentEmails().get(0)));
        lambda.handleRequest(HttpEvents.get("/api/subscriptions/confirm", Map.of("token", confirm)), null);
        clock.advance(Duration.ofMinutes(2));
        lambda.handleRequest(HttpEvents.post("/api/unsubscribe", "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", Map.of("token",
                        new SubscriberTokens(SECRET).unsubscribeToken("ann@example.org"))), null);
        clock.advance(Duration.ofMinutes(1));

        APIGatewayV2HTTPResponse back = lambda.handleRequest(HttpEvents.formFromBrowser("/api/subscriptions",
                "email=ann%40example.org", Map.of()), null);

        assertThat(aws.sentEmails()).hasSize(2);
        assertThat(back.getBody()).contains("Coming back after unsubscribing? You get a fresh link straight away.")
                .contains("in the last 10 minutes, we do not send another");
        lambda.handleRequest(subscribe("ann+again@example.org", "192.0.2.1"), null);
        assertThat(aws.sentEmails()).as("only the first mail after unsubscribing skips the window").hasSize(2);
    }

    @Test
    void aThrottledSes_answers503WithRetryAfter_andTheRetryIsMailed() {
        SubscriptionsHandler lambda = instance();
        aws.ses().failNextWithThrottling(100);

        long started = System.nanoTime();
        APIGatewayV2HTTPResponse busy = lambda.handleRequest(subscribe("bea@example.org", "192.0.2.2"), null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Throttled subscribe answered 503 after %d ms (SES retried with backoff)%n", millis);

        assertThat(busy.getStatusCode()).isEqualTo(503);
        assertThat(busy.getHeaders()).containsEntry("Retry-After", "60");
        assertThat(busy.getBody()).doesNotContain("Exception");
        aws.ses().reset();
        assertThat(lambda.handleRequest(subscribe("bea@example.org", "192.0.2.2"), null).getStatusCode())
                .isEqualTo(202);
        assertThat(aws.sentEmails()).hasSize(1);
    }

    @Test
    void anOversizedBody_is413BeforeParsing_andStoresNothing() {
        APIGatewayV2HTTPResponse response = instance().handleRequest(HttpEvents.post("/api/subscriptions",
                "application/x-www-form-urlencoded", "email=a%40example.org&pad=" + "x".repeat(5000), Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName()).list(null, 10).items()).isEmpty();
        assertThat(aws.sentEmails()).isEmpty();
    }

    /** One Lambda instance: its own handler, store and sender objects, sharing only the table and SES. */
    private SubscriptionsHandler instance() {
        var config = new SubscriptionsConfig(aws.tableName(), SITE, "events@example.org", new SesConfig(null, 1000),
                new TokenSecretConfig(new String(SECRET, StandardCharsets.UTF_8), null), "organisers");
        return new SubscriptionsHandler(config, aws.dynamoDb(), aws.sesV2(), clock);
    }

    private static APIGatewayV2HTTPEvent subscribe(String email, String sourceIp) {
        APIGatewayV2HTTPEvent event = HttpEvents.post("/api/subscriptions", "application/json",
                "{\"email\":\"" + email + "\"}", Map.of());
        event.getRequestContext().getHttp().setSourceIp(sourceIp);
        return event;
    }
}
