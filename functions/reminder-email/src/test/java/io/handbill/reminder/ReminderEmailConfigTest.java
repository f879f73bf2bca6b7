package io.handbill.reminder;

import io.handbill.fixtures.RequiredVariables;
import io.handbill.mail.SesConfig;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.TokenSecretConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReminderEmailConfigTest {
    private static final Map<String, String> REQUIRED = RequiredVariables.MAILING_FUNCTION;

    @Test
    void parsesTheRequiredVariables_withTheTemplatesDefaultsForTheRest() {
        assertThat(ReminderEmailConfig.from(REQUIRED)).isEqualTo(new ReminderEmailConfig("events",
                new SiteConfig("https://events.example.org", "Leeds DevOps", "organisers@example.org"),
                new ReminderSettings(List.of(Duration.ofDays(7), Duration.ofHours(24)), true, "events@example.org"),
                new SesConfig(null, 1), new TokenSecretConfig(null, "/handbill/hmac-secret")));
    }

    @Test
    void parsesEverySetting() {
        var env = new HashMap<>(REQUIRED);
        env.putAll(Map.of("REMINDER_WINDOWS", "PT2H", "ANNOUNCE_NEW_EVENTS", "false",
                "SES_CONFIGURATION_SET", "mail", "SEND_RATE_PER_SECOND", "14"));

        ReminderEmailConfig config = ReminderEmailConfig.from(env);

        assertThat(config.reminders()).isEqualTo(new ReminderSettings(List.of(Duration.ofHours(2)), false,
                "events@example.org"));
        assertThat(config.ses()).isEqualTo(new SesConfig("mail", 14));
    }

    @Test
    void eachMissingRequiredVariable_failsNamingIt() {
        RequiredVariables.eachMissingOneFailsNamingIt(REQUIRED, ReminderEmailConfig::from);
    }

    @Test
    void eachMalformedSetting_failsNamingIt() {
        Map<String, String> malformed = Map.of("REMINDER_WINDOWS", "7 days", "ANNOUNCE_NEW_EVENTS", "maybe",
                "SEND_RATE_PER_SECOND", "lots");
        malformed.forEach((name, value) -> {
            var env = new HashMap<>(REQUIRED);
            env.put(name, value);
            assertThatThrownBy(() -> ReminderEmailConfig.from(env)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith(name + " must be").hasMessageEndingWith("got \"" + value + "\"");
        });
    }
}
