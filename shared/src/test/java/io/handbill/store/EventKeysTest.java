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

    @Test
    void aliasKey_isReadBackFromTheClaimTheStoreWrites_andNothingElseIsOne() {
        var claim = ClaimedName.alias("post/1/index.html");

        assertThat(EventKeys.aliasKey(claim.pk(), claim.kind().sk)).contains("post/1/index.html");
        assertThat(EventKeys.aliasKey(EventKeys.eventPk("abc-1"), EventKeys.EVENT_SK)).isEmpty();
        assertThat(EventKeys.aliasKey(EventKeys.slugPk("abc-1"), EventKeys.SLUG_SK)).isEmpty();
        assertThat(EventKeys.eventId(claim.pk(), claim.kind().sk)).isEmpty();
        assertThat(EventKeys.aliasKey(null, null)).isEmpty();
    }
}
