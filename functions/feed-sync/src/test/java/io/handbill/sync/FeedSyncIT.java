package io.handbill.sync;

import io.handbill.api.ServiceEventsApi;
import io.handbill.fixtures.TestClock;
import io.handbill.model.Event;
import io.handbill.store.EventListing;
import io.handbill.sync.ics.FeedSource;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scheduled sync through the event-api's own service on dynalite, the feed read from a file. */
@ExtendWith(LocalAwsExtension.class)
class FeedSyncIT {
    private static final Path FEEDS = Path.of("src/test/resources/feeds");
    private final TestClock clock = new TestClock(Instant.parse("2026-11-01T09:00:00Z"));

    @Test
    void sync_importsTheFeed_thenTakesItsChanges_andReportsTheEventThatVanished(LocalAws aws, @TempDir Path dir)
            throws Exception {
        Path feed = Files.copy(FEEDS.resolve("meetup-group.ics"), dir.resolve("ical"));

        FeedSync.Result first = sync(aws, feed).run();
        Files.copy(FEEDS.resolve("meetup-group-changed.ics"), feed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FeedSync.Result second = sync(aws, feed).run();
        FeedSync.Result third = sync(aws, feed).run();

        assertThat(first).isEqualTo(new FeedSync.Result("SYNCED", 12, 0, 0, 0, 0));
        assertThat(second).isEqualTo(new FeedSync.Result("SYNCED", 0, 2, 9, 0, 1));
        assertThat(third).isEqualTo(new FeedSync.Result("SYNCED", 0, 0, 11, 0, 1));
        assertThat(stored(aws)).hasSize(12);
    }

    @Test
    void feedThatIsNotICalendar_failsTheRun_andChangesNothing(LocalAws aws, @TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("ical"), "<html><body>Sign in to see this group</body></html>");

        assertThatThrownBy(() -> sync(aws, page).run()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not an iCalendar file").hasMessageEndingWith("nothing changed");
        assertThat(stored(aws)).isEmpty();
    }

    @Test
    void handler_ignoresTheTick_andAnswersTheOutcomeAsAJsonString(LocalAws aws, @TempDir Path dir) throws Exception {
        Path feed = Files.copy(FEEDS.resolve("meetup-group.ics"), dir.resolve("ical"));
        byte[] tick = "{\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        var output = new ByteArrayOutputStream();

        new SyncFeedHandler(sync(aws, feed)).handleRequest(new ByteArrayInputStream(tick), output, null);

        assertThat(output.toString(StandardCharsets.UTF_8)).isEqualTo("\"SYNCED\"");
        assertThat(stored(aws)).hasSize(12);
    }

    @Test
    void noFeedUrl_isOff(LocalAws aws) {
        var config = new FeedSyncConfig(aws.tableName(), null, ZoneId.of("Europe/London"));

        assertThat(new FeedSync(config, FeedSource.withDefaultClient(), api(aws), aws.eventStore(), clock).run())
                .isEqualTo(FeedSync.Result.OFF);
    }

    private FeedSync sync(LocalAws aws, Path feed) {
        var config = new FeedSyncConfig(aws.tableName(), feed.toString(), ZoneId.of("Europe/London"));
        return new FeedSync(config, FeedSource.withDefaultClient(), api(aws), aws.eventStore(), clock);
    }

    private ServiceEventsApi api(LocalAws aws) {
        return ServiceEventsApi.onTable(aws.dynamoDb(), aws.tableName(), clock);
    }

    private List<Event> stored(LocalAws aws) {
        return aws.eventStore().list(new EventListing(null, EventListing.When.ALL, clock.instant(), null, 100)).items();
    }
}
