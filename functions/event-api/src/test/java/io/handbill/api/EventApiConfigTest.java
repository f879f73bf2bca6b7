package io.handbill.api;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventApiConfigTest {
    @Test
    void parsesTheTable_andDefaultsTheAdminGroupToTheTemplatesCognitoGroup() {
        assertThat(EventApiConfig.from(Map.of("EVENTS_TABLE", "events")))
                .isEqualTo(new EventApiConfig("events", "organisers"));
        assertThat(EventApiConfig.from(Map.of("EVENTS_TABLE", "events", "ADMIN_GROUP", "admins")).adminGroup())
                .isEqualTo("admins");
    }

    @Test
    void withoutTheTable_failsNamingIt() {
        assertThatThrownBy(() -> EventApiConfig.from(Map.of("ADMIN_GROUP", "admins")))
                .isInstanceOf(IllegalStateException.class).hasMessage("Environment variable EVENTS_TABLE is not set");
    }
}
