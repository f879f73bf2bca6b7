package io.handbill.icsfeed;

import io.handbill.aws.Env;
import io.handbill.model.SiteConfig;

import java.util.Map;

/**
 * Everything the calendar feed is configured with, parsed at init.
 *
 * @param eventsTable {@code EVENTS_TABLE}
 * @param site        {@code SITE_URL}, {@code GROUP_NAME}, {@code ORGANISER_EMAIL}
 * @param pastDays    {@code FEED_PAST_DAYS}: days of past events calendar.ics keeps
 */
public record IcsFeedConfig(String eventsTable, SiteConfig site, int pastDays) {
    /** template.yaml's default: a year of past events. */
    public static final int DEFAULT_PAST_DAYS = 365;

    public static IcsFeedConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new IcsFeedConfig(env.required("EVENTS_TABLE"), SiteConfig.from(env),
                env.wholeNumber("FEED_PAST_DAYS", DEFAULT_PAST_DAYS, 0, "days"));
    }
}
