package io.handbill.subscribe;

import io.handbill.fixtures.Fixtures;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.fixtures.TestClock;
import io.handbill.mail.SesConfig;
import io.handbill.rsvp.DynamoDbRsvpStore;
import io.handbill.store.InMemoryEventStore;
import io.handbill.subscriber.InMemorySubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.subscriber.TokenSecretConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The security headers of the pages a reader's browser gets, and that each page works under its own policy. */
class SubscriptionsHandler_PageHeadersTest {
    private static final byte[] SECRET = "unit-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Pattern STYLE_BLOCK = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final SubscriptionsHandler handler = new SubscriptionsHandler(new SubscriptionsConfig("unused-table",
            Fixtures.SITE,
            "events@example.org", new SesConfig(null, 1),
            new TokenSecretConfig(new String(SECRET, StandardCharsets.UTF_8), null), "organisers"),
            new InMemorySubscriberStore(), new DynamoDbRsvpStore(null, "never-called"),
            new InMemoryEventStore(), new InMemoryCooldownStore(), (to, raw) -> "message-1",
            new TestClock(Instant.parse("2026-11-25T19:00:00Z")));

    @Test
    void everyPage_isLockedDown() {
        for (APIGatewayV2HTTPResponse page : pages()) {
            assertThat(page.getHeaders().get("Content-Type")).startsWith("text/html");
            assertThat(page.getHeaders())
                    .containsEntry("Content-Security-Policy", "default-src 'none'; style-src "
                            + sha256(styleOf(page)) + "; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                            + "base-uri 'none'")
                    .containsEntry("Referrer-Policy", "no-referrer")
                    .containsEntry("X-Content-Type-Options", "nosniff")
                    .containsEntry("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
                    .containsEntry("X-Frame-Options", "DENY")
                    .containsEntry("Cache-Control", "no-store");
            assertThat(page.getHeaders().get("Content-Security-Policy")).doesNotContain("unsafe");
        }
    }

    @Test
    void everyPage_needsNothingItsPolicyForbids() {
        for (APIGatewayV2HTTPResponse page : pages()) {
            String html = page.getBody();

            assertThat(STYLE_BLOCK.matcher(html).results()).as("one inline style block, allowed by its hash")
                    .hasSize(1);
            assertThat(html).doesNotContain("<script", " style=", "<link", "<img", "<iframe", "javascript:");
            assertThat(html).as("no event handler attributes").doesNotContainPattern("\\son[a-z]+=");
            Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(html);
            while (action.find()) {
                assertThat(action.group(1)).as("form-action 'self'").startsWith("https://events.example.org/api/");
            }
        }
    }

    /** The confirm page of a forged link, the unsubscribe page with its form, and the form post's answer. */
    private List<APIGatewayV2HTTPResponse> pages() {
        String unsubscribe = new SubscriberTokens(SECRET).unsubscribeToken("ann@example.org");
        List<APIGatewayV2HTTPEvent> requests = List.of(
                HttpEvents.get("/api/subscriptions/confirm", Map.of("token", "forged.token")),
                HttpEvents.get("/api/unsubscribe", Map.of("token", unsubscribe)),
                HttpEvents.formFromBrowser("/api/subscriptions", "email=ann%40example.org", Map.of()),
                HttpEvents.formFromBrowser("/api/subscriptions", "email=not-an-address", Map.of()));
        List<APIGatewayV2HTTPResponse> responses = requests.stream().map(r -> handler.handleRequest(r, null)).toList();
        assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(400, 200, 200, 400);
        assertThat(responses.get(1).getBody()).contains("<form method=\"post\"");
        return responses;
    }

    private static String styleOf(APIGatewayV2HTTPResponse page) {
        Matcher style = STYLE_BLOCK.matcher(page.getBody());
        assertThat(style.find()).isTrue();
        return style.group(1);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
