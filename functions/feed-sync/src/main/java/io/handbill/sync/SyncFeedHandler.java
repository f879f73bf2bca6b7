package io.handbill.sync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * EventBridge Scheduler target, daily: one {@link FeedSync} of the feed in {@code FEED_URL} (empty: off), so a group
 * moving from Meetup or Luma can keep publishing there for a while. Failures propagate, so Lambda retries and then
 * reports them to the failure queue.
 *
 * <p>A stream handler, as the reminder function's: the tick carries nothing the sync needs, and a typed
 * {@code ScheduledEvent} would have the runtime load its event serialisation (Jackson mix-ins, Joda-Time; some 900
 * classes) on every cold start just to ignore it. The response is the sync's outcome as a JSON string, e.g.
 * {@code "SYNCED"}.
 */
public final class SyncFeedHandler implements RequestStreamHandler {
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
        System.out.println(new SyncFeedHandler().run());
    }

    /** The scheduled invocation: the tick itself is not read. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(('"' + run() + '"').getBytes(StandardCharsets.UTF_8));
    }

    /** One sync; returns its outcome. */
    public String run() {
        return sync.run().outcome();
    }
}
