package io.handbill.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventKeysTest {

    @Test
    void eventId_isReadBackFromTheKeysTheStoreWrites() {
        assertThat(EventKeys.eventId(EventKeys.eventPk("abc-1"), EventKeys.EVENT_SK)).contains("abc-1");
    }

    @Test
    void otherItems_areNoEvent() {
        assertThat(EventKeys.eventId(EventKeys.slugPk("abc-1"), EventKeys.SLUG_SK)).isEmpty();
        assertThat(EventKeys.eventId(EventKeys.SITE_PK, EventKeys.VERSION_SK)).isEmpty();
        assertThat(EventKeys.eventId("SUBSCRIBER#x", "SUBSCRIBER")).isEmpty();
        assertThat(EventKeys.eventId(EventKeys.eventPk("abc-1"), "OTHER")).isEmpty();
        assertThat(EventKeys.eventId(null, null)).isEmpty();
    }
}
