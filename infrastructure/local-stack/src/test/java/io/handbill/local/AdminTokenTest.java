package io.handbill.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenTest {
    private final AdminToken token = new AdminToken("t0ken");

    @Test
    void onlyTheExactBearerToken_isAccepted() {
        assertThat(token.accepts("Bearer t0ken")).isTrue();
        assertThat(token.accepts("bearer t0ken")).isTrue();
        assertThat(token.accepts("Bearer t0ken2")).isFalse();
        assertThat(token.accepts("Bearer ")).isFalse();
        assertThat(token.accepts("Basic t0ken")).isFalse();
        assertThat(token.accepts("t0ken")).isFalse();
        assertThat(token.accepts(null)).isFalse();
    }

    @Test
    void organiserClaims_lookAsApiGatewayRendersCognitoClaims() {
        var claims = token.organiserClaims(1_700_000_000L);

        assertThat(claims).containsEntry("cognito:groups", "[organisers]")
                .containsEntry("sub", AdminToken.ORGANISER_SUB)
                .containsEntry("email", AdminToken.ORGANISER_EMAIL)
                .containsEntry("exp", "1700003600");
    }

    @Test
    void randomTokens_differ() {
        assertThat(AdminToken.random().value()).isNotEqualTo(AdminToken.random().value()).hasSizeGreaterThan(20);
    }
}
