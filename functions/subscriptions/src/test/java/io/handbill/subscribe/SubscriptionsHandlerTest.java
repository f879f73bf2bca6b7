package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import io.handbill.fixtures.TestClock;
import io.handbill.log.CapturedStdout;
import io.handbill.mail.MailSender;
import io.handbill.mail.SesConfig;
import io.handbill.model.SiteConfig;
import io.handbill.rsvp.DynamoDbRsvpStore;
import io.handbill.rsvp.RsvpStore;
import io.handbill.store.InMemoryEventStore;
import io.handbill.subscriber.InMemorySubscriberStore;
import io.handbill.subscriber.TokenSecretConfig;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberState;
import org.junit.jupiter.params.ParameterizedTest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Real-shaped API Gateway events through the handler, with an in-memory store and a recording sender. */
class SubscriptionsHandlerTest {
    private final InMemorySubscriberStore store = new InMemorySubscriberStore();
    private final List<String> mailedTo = new ArrayList<>();
    private final MailSender sender = (to, raw) -> {
        mailedTo.add(to);
        return "message-" + mailedTo.size();
    };
    /** The RSVP routes are not exercised here (RsvpIT covers them on dynalite); this store is never called. */
    private static final RsvpStore UNUSED_RSVPS = new DynamoDbRsvpStore(null, "-");
    private final SubscriptionsHandler handler = new SubscriptionsHandler(new SubscriptionsConfig("unused-table",
            new SiteConfig("https://events.leedsdevops.org.uk", "Leeds DevOps", "organisers@example.org"),
            "events@example.org", new SesConfig(null, 1),
            new TokenSecretConfig("unit-test-secret-0123456789abcdef", null), "organisers"),
            store, UNUSED_RSVPS, new InMemoryEventStore(), new InMemoryCooldownStore(), sender,
            new TestClock(Instant.parse("2026-11-25T19:00:00Z")));

    @ParameterizedTest
    @Event(value = "events/apigw/subscribe-form.json", type = APIGatewayV2HTTPEvent.class)
    void browserFormPost_base64Encoded_isPendingWithOneMail_andAnHtmlAnswer(APIGatewayV2HTTPEvent request) {
        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8")
                .containsEntry("Cache-Control", "no-store").containsEntry("Referrer-Policy", "no-referrer");
        assertThat(response.getBody()).contains("<h1>Check your inbox</h1>");
        assertThat(store.all()).extracting(Subscriber::key, Subscriber::email, Subscriber::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ann.lee@example.org", "Ann.Lee@Example.org",
                        SubscriberState.PENDING));
        assertThat(mailedTo).containsExactly("Ann.Lee@Example.org");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/subscribe-invalid-email.json", type = APIGatewayV2HTTPEvent.class)
    void invalidAddress_returns400WithFieldError(APIGatewayV2HTTPEvent request) {
        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).contains("\"field\":\"email\"", "\"code\":\"invalid\"");
        assertThat(store.all()).isEmpty();
        assertThat(mailedTo).isEmpty();
    }

    @ParameterizedTest
    @Event(value = "events/apigw/unsubscribe-forged-token.json", type = APIGatewayV2HTTPEvent.class)
    void oneClickWithForgedToken_isRefusedWithAPage(APIGatewayV2HTTPEvent request) {
        var response = handler.handleRequest(request, null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("This link is not valid");
    }

    @ParameterizedTest
    @Event(value = "events/apigw/subscribe-form.json", type = APIGatewayV2HTTPEvent.class)
    void logs_carryNeitherAddressesNorTokens(APIGatewayV2HTTPEvent request) throws Exception {
        String token;
        String logs;
        try (var stdout = CapturedStdout.start()) {
            handler.handleRequest(request, null);
            handler.handleRequest(request, null);
            token = new io.handbill.subscriber.SubscriberTokens(
                    "unit-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8)).unsubscribeToken("ann.lee@example.org");
            var unsubscribe = APIGatewayV2HTTPEvent.builder().withRouteKey("POST /api/unsubscribe")
                    .withRawPath("/api/unsubscribe")
                    .withHeaders(java.util.Map.of("content-type", "application/x-www-form-urlencoded"))
                    .withQueryStringParameters(java.util.Map.of("token", token)).withBody("List-Unsubscribe=One-Click")
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").build())
                            .build()).build();
            assertThat(handler.handleRequest(unsubscribe, null).getStatusCode()).isEqualTo(200);
            logs = stdout.text();
        }

        assertThat(logs).contains("Confirmation mail sent", "Subscriber unsubscribed");
        assertThat(logs.toLowerCase(java.util.Locale.ROOT)).doesNotContain("ann.lee", "example.org");
        assertThat(logs).doesNotContain(token, token.substring(0, token.indexOf('.')));
    }
}
