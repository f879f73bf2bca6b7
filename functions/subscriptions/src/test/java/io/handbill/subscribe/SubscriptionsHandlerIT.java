package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.SesConfig;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.TokenSecretConfig;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberState;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.testkit.LocalAwsTest;
import io.handbill.testkit.SentEmail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.handbill.fixtures.Fixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionsHandlerIT extends LocalAwsTest {
    private static final byte[] SECRET = "integration-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final Pattern CONFIRM_LINK =
            Pattern.compile("https://events\\.example\\.org/api/subscriptions/confirm\\?token=([A-Za-z0-9_.-]+)");
    private static final Map<String, String> ORGANISER = Map.of("sub", "u1", "cognito:groups", "[organisers]");

    private final TestClock clock = new TestClock(Instant.parse("2026-09-01T10:00:00Z"));
    private DynamoDbSubscriberStore store;
    private SubscriptionsHandler handler;

    @BeforeEach
    void wire() {
        store = new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName());
        var config = new SubscriptionsConfig(aws.tableName(), SITE, "events@example.org", new SesConfig(null, 100),
                new TokenSecretConfig(new String(SECRET, StandardCharsets.UTF_8), null), "organisers");
        handler = new SubscriptionsHandler(config, aws.dynamoDb(), aws.sesV2(), clock);
    }

    @Test
    void subscribeConfirmUnsubscribe_walksTheWholeDoubleOptIn() throws Exception {
        // when
        var subscribed = handler.handleRequest(HttpEvents.formFromBrowser("/api/subscriptions",
                "email=Ann.Lee%40Example.org&event=2017-09-26", Map.of()), null);

        // then: pending, and one confirmation mail to the address as typed
        assertThat(subscribed.getStatusCode()).isEqualTo(200);
        assertThat(subscribed.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(subscribed.getBody()).contains("Check your inbox");
        assertThat(store.get("ann.lee@example.org")).get().extracting(Subscriber::state, Subscriber::email)
                .containsExactly(SubscriberState.PENDING, "Ann.Lee@Example.org");
        assertThat(aws.sentEmails()).hasSize(1);
        MimeMessage mail = parse(aws.sentEmails().get(0));
        assertThat(mail.getHeader("To", null)).isEqualTo("Ann.Lee@Example.org");
        assertThat(mail.getSubject()).isEqualTo("Confirm your Leeds DevOps event emails");
        String token = confirmToken(mail);

        // when: the link is followed a day later
        clock.advance(Duration.ofHours(24));
        var confirmed = handler.handleRequest(HttpEvents.get("/api/subscriptions/confirm", Map.of("token", token)), null);

        // then
        assertThat(confirmed.getStatusCode()).isEqualTo(200);
        assertThat(confirmed.getBody()).contains("You are subscribed");
        assertThat(store.get("ann.lee@example.org")).get().extracting(Subscriber::state)
                .isEqualTo(SubscriberState.CONFIRMED);

        // when: the one-click unsubscribe is posted twice (RFC 8058 clients may retry)
        String unsubscribeToken = new SubscriberTokens(SECRET).unsubscribeToken("ann.lee@example.org");
        var page = handler.handleRequest(HttpEvents.get("/api/unsubscribe", Map.of("token", unsubscribeToken)), null);
        var first = handler.handleRequest(HttpEvents.post("/api/unsubscribe", "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", Map.of("token", unsubscribeToken)), null);
        var second = handler.handleRequest(HttpEvents.post("/api/unsubscribe", "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click", Map.of("token", unsubscribeToken)), null);

        // then: the GET only showed a button; the POSTs unsubscribed, idempotently
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("<form method=\"post\"")
                .contains("name=\"List-Unsubscribe\" value=\"One-Click\"");
        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(second.getStatusCode()).isEqualTo(200);
        Subscriber gone = store.get("ann.lee@example.org").orElseThrow();
        assertThat(gone.state()).isEqualTo(SubscriberState.UNSUBSCRIBED);
        assertThat(gone.version()).isEqualTo(3);
    }

    @Test
    void knownAndUnknownAddresses_getTheSameAnswer_andOneMailPerCooldown() {
        // given
        var firstTime = subscribeJson("bob@example.org");

        // when
        var again = subscribeJson("BOB@example.org");
        var stranger = subscribeJson("carol@example.org");

        // then
        assertThat(again.getStatusCode()).isEqualTo(firstTime.getStatusCode()).isEqualTo(202);
        assertThat(again.getBody()).isEqualTo(firstTime.getBody()).isEqualTo(stranger.getBody());
        assertThat(aws.sentEmails()).hasSize(2);

        // when: the cooldown is over
        clock.advance(SubscribeLimits.MAILBOX_WINDOW);
        subscribeJson("bob@example.org");

        // then
        assertThat(aws.sentEmails()).hasSize(3);
    }

    @Test
    void invalidAddress_is400NamingTheField_andStoresNothing() {
        var response = subscribeJson("not an address");
        var missing = handler.handleRequest(HttpEvents.post("/api/subscriptions", "application/json", "{}", Map.of()), null);
        var injection = handler.handleRequest(HttpEvents.post("/api/subscriptions", "application/x-www-form-urlencoded",
                "email=ann%40example.org%0D%0ABcc%3A+eve%40example.org", Map.of()), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"field\":\"email\"").contains("\"code\":\"invalid\"");
        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(missing.getBody()).contains("\"field\":\"email\"").contains("\"code\":\"required\"");
        assertThat(injection.getStatusCode()).isEqualTo(400);
        assertThat(store.list(null, 10).items()).isEmpty();
        assertThat(aws.sentEmails()).isEmpty();
    }

    @Test
    void forgedAndExpiredConfirmLinks_showAClearPage_andChangeNothing() throws Exception {
        // given
        subscribeJson("dan@example.org");
        String token = confirmToken(parse(aws.sentEmails().get(0)));
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

        // when
        var forgedResponse = handler.handleRequest(HttpEvents.get("/api/subscriptions/confirm", Map.of("token", forged)), null);
        clock.advance(Duration.ofHours(48));
        var expired = handler.handleRequest(HttpEvents.get("/api/subscriptions/confirm", Map.of("token", token)), null);
        var unsubscribeWithConfirmToken = handler.handleRequest(HttpEvents.post("/api/unsubscribe",
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click", Map.of("token", token)), null);

        // then
        assertThat(forgedResponse.getStatusCode()).isEqualTo(400);
        assertThat(forgedResponse.getBody()).contains("This link is not valid");
        assertThat(expired.getStatusCode()).isEqualTo(410);
        assertThat(expired.getBody()).contains("This link has expired");
        assertThat(unsubscribeWithConfirmToken.getStatusCode()).isEqualTo(400);
        assertThat(store.get("dan@example.org")).get().extracting(Subscriber::state, Subscriber::version)
                .containsExactly(SubscriberState.PENDING, 1L);
    }

    @Test
    void oneClickWithoutTheRfc8058Body_isRefused() {
        String token = new SubscriberTokens(SECRET).unsubscribeToken("erin@example.org");

        var response = handler.handleRequest(HttpEvents.post("/api/unsubscribe", "application/x-www-form-urlencoded",
                "", Map.of("token", token)), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"field\":\"List-Unsubscribe\"");
    }

    @Test
    void oneClickAsAnotherMediaType_is415ProblemJson_andStillSubscribed() throws Exception {
        subscribeAndConfirm("fay@example.org");
        String token = new SubscriberTokens(SECRET).unsubscribeToken("fay@example.org");

        var response = handler.handleRequest(HttpEvents.post("/api/unsubscribe", "application/json",
                "List-Unsubscribe=One-Click", Map.of("token", token)), null);

        assertThat(response.getStatusCode()).isEqualTo(415);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json")
                .containsEntry("Accept-Post", "application/x-www-form-urlencoded");
        assertThat(store.get("fay@example.org")).get().extracting(Subscriber::state)
                .isEqualTo(SubscriberState.CONFIRMED);
    }

    @Test
    void rejectedRecipient_getsTheSameAnswer() {
        aws.ses().rejectRecipient("suppressed@example.org");

        var response = subscribeJson("suppressed@example.org");

        assertThat(response.getStatusCode()).isEqualTo(202);
        assertThat(aws.sentEmails()).isEmpty();
    }

    @Test
    void adminExport_needsTheOrganisersGroup_andListsEveryone() throws Exception {
        // given
        subscribeJson("fay@example.org");
        subscribeJson("=sum+1@example.org");
        String token = confirmToken(parse(aws.sentEmails().get(0)));
        handler.handleRequest(HttpEvents.get("/api/subscriptions/confirm", Map.of("token", token)), null);

        // when
        var anonymous = handler.handleRequest(HttpEvents.admin("/api/subscribers", null), null);
        var outsider = handler.handleRequest(HttpEvents.admin("/api/subscribers",
                Map.of("sub", "u2", "cognito:groups", "[speakers]")), null);
        var csv = handler.handleRequest(HttpEvents.admin("/api/subscribers", ORGANISER), null);
        var summary = handler.handleRequest(HttpEvents.admin("/api/subscribers/summary", ORGANISER), null);

        // then
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(outsider.getStatusCode()).isEqualTo(403);
        assertThat(csv.getStatusCode()).isEqualTo(200);
        assertThat(csv.getHeaders().get("Content-Type")).startsWith("text/csv");
        assertThat(csv.getBody().split("\r\n")).containsExactly(
                SubscriberExport.HEADER,
                "'=sum+1@example.org,PENDING,2026-09-01T10:00:00Z,,,,",
                "fay@example.org,CONFIRMED,2026-09-01T10:00:00Z,2026-09-01T10:00:00Z,,,");
        assertThat(summary.getStatusCode()).isEqualTo(200);
        assertThat(summary.getBody()).contains("\"total\":2", "\"pending\":1", "\"confirmed\":1", "\"unsubscribed\":0");
    }

    private void subscribeAndConfirm(String email) throws Exception {
        assertThat(subscribeJson(email).getStatusCode()).isEqualTo(202);
        String token = confirmToken(parse(aws.sentEmails().get(aws.sentEmails().size() - 1)));
        assertThat(handler.handleRequest(HttpEvents.get("/api/subscriptions/confirm", Map.of("token", token)), null)
                .getStatusCode()).isEqualTo(200);
    }

    private APIGatewayV2HTTPResponse subscribeJson(String email) {
        String body = "{\"email\":\"" + email.replace("\"", "\\\"") + "\"}";
        return handler.handleRequest(HttpEvents.post("/api/subscriptions", "application/json", body, Map.of()), null);
    }

    static MimeMessage parse(SentEmail email) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(email.raw()));
    }

    static String confirmToken(MimeMessage mail) throws Exception {
        var alternative = (MimeMultipart) mail.getContent();
        String text = (String) alternative.getBodyPart(0).getContent();
        String html = (String) alternative.getBodyPart(1).getContent();
        Matcher matcher = CONFIRM_LINK.matcher(text);
        assertThat(matcher.find()).as("confirm link in the text part").isTrue();
        assertThat(html).contains(matcher.group());
        return matcher.group(1);
    }
}
