package io.handbill.subscribe;

import io.handbill.fixtures.RequiredVariables;
import io.handbill.mail.SesConfig;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.TokenSecretConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionsConfigTest {
    private static final Map<String, String> REQUIRED = RequiredVariables.MAILING_FUNCTION;

    @Test
    void parsesTheRequiredVariables_withTheTemplatesDefaultsForTheRest() {
        assertThat(SubscriptionsConfig.from(REQUIRED)).isEqualTo(new SubscriptionsConfig("events",
                new SiteConfig("https://events.example.org", "Leeds DevOps", "organisers@example.org"),
                "events@example.org", new SesConfig(null, 1), new TokenSecretConfig(null, "/handbill/hmac-secret"),
                "organisers"));
    }

    @Test
    void aLocalSecret_standsInForTheSsmParameter() {
        var env = new HashMap<>(REQUIRED);
        env.remove("HMAC_SECRET_PARAMETER");
        env.put("HMAC_SECRET", "local-secret");

        assertThat(SubscriptionsConfig.from(env).secret()).isEqualTo(new TokenSecretConfig("local-secret", null));
    }

    @Test
    void eachMissingRequiredVariable_failsNamingIt() {
        RequiredVariables.eachMissingOneFailsNamingIt(REQUIRED, SubscriptionsConfig::from);
    }

    @Test
    void aMalformedSendRate_failsNamingIt() {
        var env = new HashMap<>(REQUIRED);
        env.put("SEND_RATE_PER_SECOND", "0");

        assertThatThrownBy(() -> SubscriptionsConfig.from(env))
                .hasMessage("SEND_RATE_PER_SECOND must be a positive number, got \"0\"");
    }
}
