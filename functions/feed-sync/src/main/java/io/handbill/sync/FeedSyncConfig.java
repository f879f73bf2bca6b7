package io.handbill.sync;

import io.handbill.aws.Env;

import java.time.ZoneId;
import java.util.function.UnaryOperator;

/**
 * The sync's settings, read once at init.
 *
 * @param feedUrl the feed to follow (http, https or webcal), or {@code null}: the sync is off
 * @param zone    zone of feed times that name none (or name one nobody knows)
 */
record FeedSyncConfig(String table, String feedUrl, ZoneId zone) {
    static FeedSyncConfig fromEnv() {
        return from(System::getenv);
    }

    static FeedSyncConfig from(UnaryOperator<String> env) {
        String url = env.apply("FEED_URL");
        String zone = env.apply("FEED_TIME_ZONE");
        return new FeedSyncConfig(Env.required("EVENTS_TABLE"), url == null || url.isBlank() ? null : url.strip(),
                ZoneId.of(zone == null || zone.isBlank() ? "Europe/London" : zone));
    }
}
