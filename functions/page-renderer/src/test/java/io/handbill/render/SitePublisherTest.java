package io.handbill.render;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.SitePaths;
import io.handbill.store.InMemoryEventStore;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.handbill.render.TestEvents.NOW;
import static io.handbill.render.TestEvents.SITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's decisions in memory: what it writes for an edit, what it leaves alone, and how it reports failures.
 * {@link SitePublisherIT} runs it against dynalite and S3Proxy.
 */
class SitePublisherTest {
    private static final String SEED_ID = "seed-2017-09-26";
    private static final String SEED_KEY = SitePaths.key(SitePaths.eventPage(Fixtures.SEED_SLUG));
    private static final String INDEX = SitePaths.key(SitePaths.HOME);
    private static final String FEED = SitePaths.key(SitePaths.FEED);
    private static final String SITEMAP = SitePaths.key(SitePaths.SITEMAP);

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final InMemoryListingStore listing = new InMemoryListingStore();
    private final InMemorySiteBucket bucket = new InMemorySiteBucket();
    private final SitePublisher publisher = publisher();

    @Test
    void publishedEvent_writesItsPageAListingEntryTheIndexFeedSitemapAndFurniture() {
        store.create(Fixtures.seedEvent());

        SitePublisher.Outcome outcome = publisher.publish(List.of(SEED_ID));

        assertThat(outcome.failedEventIds()).isEmpty();
        assertThat(outcome.written()).contains(SEED_KEY, INDEX, FEED, SITEMAP, SitePaths.key(SitePaths.ROBOTS),
                SitePaths.key(SitePaths.NOT_FOUND)).anyMatch(k -> k.matches("assets/site\\.[0-9a-f]{12}\\.css"));
        assertThat(listing.read().orElseThrow().events()).extracting(Event::id).containsExactly(SEED_ID);
        assertThat(listing.read().orElseThrow().events().get(0).description()).isNull();
        assertThat(Jsoup.parse(text(INDEX)).select(".entry-title a, a.entry-title").eachAttr("href"))
                .containsExactly(SitePaths.eventPage(Fixtures.SEED_SLUG));
        assertThat(text(FEED)).contains(SITE.eventUrl(Fixtures.SEED_SLUG));
        assertThat(text(SITEMAP)).contains(SITE.eventUrl(Fixtures.SEED_SLUG));
    }

    @Test
    void unchangedContent_isNotRewritten_byAReplayOrAnotherContainer() {
        store.create(Fixtures.seedEvent());
        publisher.publish(List.of(SEED_ID));

        assertThat(publisher.publish(List.of(SEED_ID)).written()).isEmpty();
        assertThat(publisher.publish(List.of()).written()).isEmpty();
        // a new container checks the furniture once more, and finds it in place
        assertThat(publisher().publish(List.of(SEED_ID)).written()).isEmpty();
        assertThat(listing.version()).isEqualTo(1);
    }

    @Test
    void cancellation_rewritesThePageIndexFeedAndSitemap_notTheFurniture() {
        Event seed = Fixtures.seedEvent();
        store.create(seed);
        publisher.publish(List.of(SEED_ID));
        store.update(seed.cancel("Venue flooded", NOW));

        SitePublisher.Outcome outcome = publisher.publish(List.of(SEED_ID));

        assertThat(outcome.written()).contains(SEED_KEY, INDEX, FEED, SITEMAP)
                .noneMatch(k -> k.startsWith("assets/") || k.equals("robots.txt") || k.equals("404.html"));
        assertThat(Jsoup.parse(text(INDEX)).select(".tag-cancelled").text()).isEqualTo("Cancelled");
        assertThat(listing.version()).isEqualTo(2);
    }

    @Test
    void eventNoLongerPublic_leavesTheListingIndexFeedAndSitemap() {
        Event other = givenTheSeedAndAnotherEvent();
        publisher.publish(List.of(SEED_ID, other.id()));
        store.delete(other.id(), other.version());

        SitePublisher.Outcome outcome = publisher.publish(List.of(other.id()));

        assertThat(outcome.written()).containsExactlyInAnyOrder(INDEX, FEED, SITEMAP);
        assertThat(listing.read().orElseThrow().events()).extracting(Event::id).containsExactly(SEED_ID);
        assertThat(text(INDEX)).doesNotContain("Other event");
        assertThat(text(FEED)).doesNotContain(SITE.eventUrl(other.slug()));
        assertThat(text(SITEMAP)).doesNotContain(SITE.eventUrl(other.slug()));
    }

    @Test
    void archiveGettingShorter_removesTheLastArchivePage() {
        List<Event> past = new ArrayList<>();
        for (int i = 0; i <= PageRenderer.PAGE_SIZE; i++) {
            Event event = TestEvents.published("p" + i, "past-" + i, "Past " + i,
                    LocalDateTime.parse("2016-11-01T18:30:00").plusWeeks(i));
            store.create(event);
            past.add(event);
        }
        publisher.publish(past.stream().map(Event::id).toList());
        String lastPage = SitePaths.key(SitePaths.indexPage(2));
        assertThat(bucket.keys()).contains(lastPage);
        store.delete(past.get(0).id(), past.get(0).version());

        SitePublisher.Outcome outcome = publisher.publish(List.of(past.get(0).id()));

        assertThat(outcome.written()).contains(lastPage);
        assertThat(bucket.keys()).doesNotContain(lastPage);
    }

    @Test
    void eventPageThatCannotBeWritten_isReportedFailed_theOthersAndTheListingsGoOut() {
        Event other = givenTheSeedAndAnotherEvent();
        bucket.failWritesOf(SEED_KEY);

        SitePublisher.Outcome outcome = publisher.publish(List.of(SEED_ID, other.id()));

        assertThat(outcome.failedEventIds()).containsExactly(SEED_ID);
        assertThat(outcome.written()).contains(SitePaths.key(SitePaths.eventPage(other.slug())), INDEX);
        assertThat(bucket.keys()).doesNotContain(SEED_KEY);
    }

    @Test
    void twoContainers_publishingDifferentEvents_bothEndUpInTheListing() {
        Event other = givenTheSeedAndAnotherEvent();

        publisher.publish(List.of(SEED_ID));
        publisher().publish(List.of(other.id()));

        assertThat(listing.read().orElseThrow().events()).extracting(Event::id)
                .containsExactlyInAnyOrder(SEED_ID, other.id());
        assertThat(Jsoup.parse(text(INDEX)).select(".entry-title").eachText()).hasSize(2);
    }

    private SitePublisher publisher() {
        return new SitePublisher(store, listing, new PageRenderer(SITE), bucket, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private String text(String key) {
        return bucket.get(key).orElseThrow(() -> new AssertionError("No object " + key)).text();
    }

    /** Stores the seed and another published event a week later; returns the other. */
    private Event givenTheSeedAndAnotherEvent() {
        Event other = TestEvents.published("other-1", "other-event", "Other event",
                LocalDateTime.parse("2017-10-03T18:30:00"));
        store.create(Fixtures.seedEvent());
        store.create(other);
        return other;
    }
}
