package io.handbill.reminder;

import io.handbill.aws.Env;
import io.handbill.mail.SesConfig;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.TokenSecretConfig;

import java.util.Map;

/**
 * Everything the reminder function is configured with, parsed at init.
 *
 * @param eventsTable {@code EVENTS_TABLE}
 * @param site        {@code SITE_URL}, {@code GROUP_NAME}, {@code ORGANISER_EMAIL}
 * @param reminders   {@code REMINDER_WINDOWS}, {@code ANNOUNCE_NEW_EVENTS}, {@code SENDER_EMAIL}
 * @param ses         {@code SES_CONFIGURATION_SET}, {@code SEND_RATE_PER_SECOND}
 * @param secret      {@code HMAC_SECRET_PARAMETER} (or {@code HMAC_SECRET} locally): signs unsubscribe links
 */
public record ReminderEmailConfig(String eventsTable, SiteConfig site, ReminderSettings reminders, SesConfig ses,
                                  TokenSecretConfig secret) {
    /** template.yaml's defaults: a week before, and a day before. */
    public static final String DEFAULT_WINDOWS = "P7D,PT24H";

    public static ReminderEmailConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new ReminderEmailConfig(env.required("EVENTS_TABLE"), SiteConfig.from(env),
                new ReminderSettings(env.durations("REMINDER_WINDOWS", DEFAULT_WINDOWS),
                        env.flag("ANNOUNCE_NEW_EVENTS", true), env.required("SENDER_EMAIL")),
                SesConfig.from(env), TokenSecretConfig.from(env));
    }
}
