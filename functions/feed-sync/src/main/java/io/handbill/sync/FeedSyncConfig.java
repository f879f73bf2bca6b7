package io.handbill.sync;

import io.handbill.aws.Env;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything the feed sync is configured with, parsed at init.
 *
 * @param table   {@code EVENTS_TABLE}
 * @param feedUrl {@code FEED_URL}: the feed to follow (http, https or webcal, or a file), or {@code null}: off
 * @param zone    {@code FEED_TIME_ZONE}: zone of feed times that name none (default Europe/London)
 */
public record FeedSyncConfig(String table, String feedUrl, ZoneId zone) {
    public static FeedSyncConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        String url = env.optional("FEED_URL", "");
        String zone = env.optional("FEED_TIME_ZONE", "Europe/London");
        try {
            return new FeedSyncConfig(env.required("EVENTS_TABLE"), url.isBlank() ? null : url.strip(), ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw new IllegalStateException("Environment variable FEED_TIME_ZONE is not an IANA time zone: " + zone);
        }
    }
}
