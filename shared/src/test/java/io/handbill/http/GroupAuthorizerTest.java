package io.handbill.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupAuthorizerTest {
    private final GroupAuthorizer organisers = new GroupAuthorizer("organisers");

    @ParameterizedTest
    @ValueSource(strings = {"[organisers]", "[readers organisers]", "organisers", "[\"organisers\",\"x\"]",
            "readers,organisers"})
    void memberInAnyListSpelling_isAllowed(String groups) {
        assertThatCode(() -> organisers.authorize(Requests.withClaims(Map.of("sub", "u1", "cognito:groups", groups))))
                .doesNotThrowAnyException();
    }

    @Test
    void noClaims_is401WithBearerChallenge() {
        assertThatThrownBy(() -> organisers.authorize(Requests.withClaims(null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(401);
                    assertThat(e.headers()).containsEntry("WWW-Authenticate", "Bearer");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"[readers]", "[organisers-lite]", "xorganisers", ""})
    void otherGroups_are403(String groups) {
        assertThatThrownBy(() -> organisers.authorize(Requests.withClaims(Map.of("sub", "u1", "cognito:groups", groups))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(403));
    }

    @Test
    void claimsWithoutGroups_are403() {
        assertThatThrownBy(() -> organisers.authorize(Requests.withClaims(Map.of("sub", "u1"))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(403));
    }
}
