package io.handbill.aws;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvTest {
    @Test
    void required_returnsTheValue_andFailsNamingAMissingOrBlankVariable() {
        Env env = new Env(Map.of("EVENTS_TABLE", "events", "BLANK", "  "));

        assertThat(env.required("EVENTS_TABLE")).isEqualTo("events");
        assertThatThrownBy(() -> env.required("PAGES_BUCKET")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Environment variable PAGES_BUCKET is not set");
        assertThatThrownBy(() -> env.required("BLANK")).hasMessage("Environment variable BLANK is not set");
    }

    @Test
    void optional_fallsBackWhenUnsetOrBlank() {
        Env env = new Env(Map.of("ADMIN_GROUP", "admins", "BLANK", ""));

        assertThat(env.optional("ADMIN_GROUP", "organisers")).isEqualTo("admins");
        assertThat(env.optional("BLANK", "organisers")).isEqualTo("organisers");
        assertThat(env.optional("UNSET", null)).isNull();
    }

    @Test
    void wholeNumber_parsesOrFailsOnOneLineNamingTheVariableAndValue() {
        assertThat(new Env(Map.of("FEED_PAST_DAYS", " 30 ")).wholeNumber("FEED_PAST_DAYS", 365, 0, "days"))
                .isEqualTo(30);
        assertThat(new Env(Map.of()).wholeNumber("FEED_PAST_DAYS", 365, 0, "days")).isEqualTo(365);
        assertThatThrownBy(() -> new Env(Map.of("FEED_PAST_DAYS", "abc")).wholeNumber("FEED_PAST_DAYS", 365, 0, "days"))
                .hasMessage("FEED_PAST_DAYS must be a whole number of days, got \"abc\"");
        assertThatThrownBy(() -> new Env(Map.of("FEED_PAST_DAYS", "-1")).wholeNumber("FEED_PAST_DAYS", 365, 0, "days"))
                .hasMessage("FEED_PAST_DAYS must be a whole number of days, got \"-1\"");
    }

    @Test
    void positiveNumber_rejectsZeroNegativeAndText() {
        assertThat(new Env(Map.of("SEND_RATE_PER_SECOND", "2.5")).positiveNumber("SEND_RATE_PER_SECOND", 1))
                .isEqualTo(2.5);
        assertThat(new Env(Map.of()).positiveNumber("SEND_RATE_PER_SECOND", 1)).isEqualTo(1);
        for (String bad : new String[] {"0", "-3", "fast", "Infinity"}) {
            assertThatThrownBy(() -> new Env(Map.of("SEND_RATE_PER_SECOND", bad))
                    .positiveNumber("SEND_RATE_PER_SECOND", 1))
                    .hasMessage("SEND_RATE_PER_SECOND must be a positive number, got \"" + bad + "\"");
        }
    }

    @Test
    void flag_acceptsOnlyTrueOrFalse() {
        assertThat(new Env(Map.of("ANNOUNCE_NEW_EVENTS", "false")).flag("ANNOUNCE_NEW_EVENTS", true)).isFalse();
        assertThat(new Env(Map.of()).flag("ANNOUNCE_NEW_EVENTS", true)).isTrue();
        assertThatThrownBy(() -> new Env(Map.of("ANNOUNCE_NEW_EVENTS", "yes")).flag("ANNOUNCE_NEW_EVENTS", true))
                .hasMessage("ANNOUNCE_NEW_EVENTS must be true or false, got \"yes\"");
    }

    @Test
    void durations_parseACommaSeparatedList_andRejectBadOrNonPositiveOnes() {
        assertThat(new Env(Map.of("REMINDER_WINDOWS", "P7D, PT24H")).durations("REMINDER_WINDOWS", "P1D"))
                .containsExactly(Duration.ofDays(7), Duration.ofHours(24));
        assertThat(new Env(Map.of()).durations("REMINDER_WINDOWS", "P1D")).containsExactly(Duration.ofDays(1));
        for (String bad : new String[] {"weekly", "PT0S", "-P1D", ","}) {
            assertThatThrownBy(() -> new Env(Map.of("REMINDER_WINDOWS", bad)).durations("REMINDER_WINDOWS", "P1D"))
                    .hasMessageStartingWith("REMINDER_WINDOWS must be positive ISO-8601 durations")
                    .hasMessageEndingWith(", got \"" + bad + "\"");
        }
    }
}
