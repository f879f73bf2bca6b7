package io.handbill.sync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.joda.time.DateTime;

/**
 * EventBridge Scheduler target, daily: one {@link FeedSync} of the feed in {@code FEED_URL} (empty: off), so a group
 * moving from Meetup or Luma can keep publishing there for a while. Failures propagate, so Lambda retries and then
 * reports them to the failure queue.
 */
public final class SyncFeedHandler implements RequestHandler<ScheduledEvent, String> {
    static {
        // ScheduledEvent's time is UTC: the jar leaves out Joda's zone database (as the reminder function does)
        System.setProperty("org.joda.time.DateTimeZone.Provider", "org.joda.time.tz.UTCProvider");
    }

    private final FeedSync sync;

    public SyncFeedHandler() {
        this(FeedSync.fromEnv());
    }

    SyncFeedHandler(FeedSync sync) {
        this.sync = sync;
    }

    /**
     * Runs one sync now, configured from the environment as in Lambda:
     * {@code java -cp functions/feed-sync/target/feed-sync.jar io.handbill.sync.SyncFeedHandler}.
     */
    public static void main(String[] args) {
        var tick = new ScheduledEvent().withSource("aws.scheduler").withDetailType("Scheduled Event")
                .withTime(DateTime.now());
        System.out.println(new SyncFeedHandler().handleRequest(tick, null));
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        return sync.run().outcome();
    }
}
