package io.handbill.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenTest {
    private final AdminToken token = new AdminToken("t0ken");

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(nullValues = "NULL", value = {"Bearer t0ken, true", "bearer t0ken, true", "Bearer t0ken2, false",
            "'Bearer ', false", "Basic t0ken, false", "t0ken, false", "NULL, false"})
    void onlyTheExactBearerToken_isAccepted(String authorization, boolean accepted) {
        assertThat(token.accepts(authorization)).isEqualTo(accepted);
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
