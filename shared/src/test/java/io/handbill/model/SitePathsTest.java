package io.handbill.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SitePathsTest {
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org/", "Leeds DevOps",
            "organisers@example.org");

    @Test
    void eachPathIsServedFromTheBucketKeyTheRendererWrites() {
        assertThat(SitePaths.key(SitePaths.HOME)).isEqualTo("index.html");
        assertThat(SitePaths.key(SitePaths.indexPage(3))).isEqualTo("page/3/index.html");
        assertThat(SitePaths.key(SitePaths.eventPage("2017-09-26-x"))).isEqualTo("events/2017-09-26-x/index.html");
        assertThat(SitePaths.key(SitePaths.FEED)).isEqualTo("feed.xml");
        assertThat(SitePaths.key("/old/page.html")).isEqualTo("old/page.html");
    }

    @Test
    void urlsAreTheSitesBaseAndThePath() {
        assertThat(SITE.eventUrl("2017-09-26-x")).isEqualTo("https://events.example.org/events/2017-09-26-x/");
        assertThat(SITE.eventIcsUrl("2017-09-26-x")).isEqualTo("https://events.example.org/events/2017-09-26-x.ics");
        assertThat(SITE.calendarUrl()).isEqualTo("https://events.example.org/calendar.ics");
        assertThat(SITE.unsubscribeUrl("t0k")).isEqualTo("https://events.example.org/api/unsubscribe?token=t0k");
        assertThat(SITE.confirmUrl("t0k"))
                .isEqualTo("https://events.example.org/api/subscriptions/confirm?token=t0k");
    }

    @Test
    void icsSlug_acceptsOnlyAValidSlugWithTheIcsExtension() {
        assertThat(SitePaths.icsSlug("2017-09-26-x.ics")).contains("2017-09-26-x");
        assertThat(SitePaths.icsSlug("2017-09-26-x")).isEmpty();
        assertThat(SitePaths.icsSlug("../secret.ics")).isEmpty();
        assertThat(SitePaths.icsSlug(null)).isEmpty();
    }

    @Test
    void theCdnSendsCalendarsAndTheApiToTheApi_andTheRestToTheBucket() {
        assertThat(SitePaths.isApiPath(SitePaths.eventIcs("x"))).isTrue();
        assertThat(SitePaths.isApiPath(SitePaths.CALENDAR)).isTrue();
        assertThat(SitePaths.isApiPath(SitePaths.UNSUBSCRIBE)).isTrue();
        assertThat(SitePaths.isApiPath(SitePaths.eventPage("x"))).isFalse();
        assertThat(SitePaths.isReservedKey("assets/site.css")).isTrue();
        assertThat(SitePaths.isReservedKey("index.html")).isTrue();
        assertThat(SitePaths.isReservedKey("Admin/config.json")).isTrue();
        assertThat(SitePaths.isReservedKey("post/123/index.html")).isFalse();
    }
}
