package io.handbill.subscriber;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriberTokensTest {
    private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
    private final SubscriberTokens tokens = new SubscriberTokens("a-test-secret-of-32-bytes-length".getBytes(StandardCharsets.UTF_8));

    @Test
    void confirmToken_verifiesWithin48Hours_toTheSubscriberKey() {
        String token = tokens.confirmToken("ann|x@example.org", NOW);

        assertThat(tokens.verify(token, SubscriberTokens.Purpose.CONFIRM, NOW.plus(Duration.ofHours(47))))
                .isEqualTo("ann|x@example.org");
    }

    @Test
    void confirmToken_after48Hours_isExpired() {
        String token = tokens.confirmToken("ann@example.org", NOW);

        assertThatThrownBy(() -> tokens.verify(token, SubscriberTokens.Purpose.CONFIRM, NOW.plus(Duration.ofHours(48))))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.expired()).isTrue());
    }

    @Test
    void unsubscribeToken_neverExpires_butIsNoConfirmToken() {
        String token = tokens.unsubscribeToken("ann@example.org");

        assertThat(tokens.verify(token, SubscriberTokens.Purpose.UNSUBSCRIBE, NOW.plus(Duration.ofDays(3650))))
                .isEqualTo("ann@example.org");
        assertThatThrownBy(() -> tokens.verify(token, SubscriberTokens.Purpose.CONFIRM, NOW))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void tokenWithAnotherAddressSwappedIn_isRejected() {
        String token = tokens.unsubscribeToken("ann@example.org");
        String signature = token.substring(token.indexOf('.'));
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("UNSUBSCRIBE|bob@example.org|0".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> tokens.verify(forgedPayload + signature, SubscriberTokens.Purpose.UNSUBSCRIBE, NOW))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.expired()).isFalse());
    }

    @Test
    void tokenFromAnotherSecret_isRejected() {
        var other = new SubscriberTokens("another-secret-of-32-bytes-long!".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> tokens.verify(other.unsubscribeToken("ann@example.org"),
                SubscriberTokens.Purpose.UNSUBSCRIBE, NOW)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void garbage_isRejected() {
        for (String garbage : new String[]{null, "", ".", "abc", "a.b.c", "!!!.###"}) {
            assertThatThrownBy(() -> tokens.verify(garbage, SubscriberTokens.Purpose.CONFIRM, NOW))
                    .as(String.valueOf(garbage)).isInstanceOf(InvalidTokenException.class);
        }
    }
}
