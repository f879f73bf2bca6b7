package io.handbill.sync;

import io.handbill.aws.Env;

import java.time.ZoneId;

/**
 * The sync's settings, read once at init.
 *
 * @param feedUrl the feed to follow (http, https or webcal), or {@code null}: the sync is off
 * @param zone    zone of feed times that name none (or name one nobody knows)
 */
record FeedSyncConfig(String table, String feedUrl, ZoneId zone) {
    static FeedSyncConfig fromEnv() {
        String url = Env.optional("FEED_URL", "");
        return new FeedSyncConfig(Env.required("EVENTS_TABLE"), url.isBlank() ? null : url.strip(),
                ZoneId.of(Env.optional("FEED_TIME_ZONE", "Europe/London")));
    }
}
