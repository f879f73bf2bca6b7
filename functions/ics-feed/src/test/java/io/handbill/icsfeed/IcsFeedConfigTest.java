package io.handbill.icsfeed;

import io.handbill.fixtures.RequiredVariables;
import io.handbill.model.SiteConfig;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IcsFeedConfigTest {
    private static final Map<String, String> GOOD = Map.of("EVENTS_TABLE", "events",
            "SITE_URL", "https://events.example.org", "GROUP_NAME", "Leeds DevOps",
            "ORGANISER_EMAIL", "organisers@example.org");

    @Test
    void parsesAGoodEnvironment_keepingAYearOfPastEventsByDefault() {
        assertThat(IcsFeedConfig.from(GOOD)).isEqualTo(new IcsFeedConfig("events",
                new SiteConfig("https://events.example.org", "Leeds DevOps", "organisers@example.org"), 365));
        assertThat(IcsFeedConfig.from(with("FEED_PAST_DAYS", "30")).pastDays()).isEqualTo(30);
    }

    @Test
    void eachMissingRequiredVariable_failsNamingIt() {
        RequiredVariables.eachMissingOneFailsNamingIt(GOOD, IcsFeedConfig::from);
    }

    @Test
    void malformedPastDays_failsNamingItAndTheValue() {
        assertThatThrownBy(() -> IcsFeedConfig.from(with("FEED_PAST_DAYS", "abc")))
                .hasMessage("FEED_PAST_DAYS must be a whole number of days, got \"abc\"");
        assertThatThrownBy(() -> IcsFeedConfig.from(with("FEED_PAST_DAYS", "-5")))
                .hasMessageStartingWith("FEED_PAST_DAYS must be");
    }

    private static Map<String, String> with(String name, String value) {
        var env = new HashMap<>(GOOD);
        env.put(name, value);
        return env;
    }
}
