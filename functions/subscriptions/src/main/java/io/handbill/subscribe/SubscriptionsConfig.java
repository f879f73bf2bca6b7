package io.handbill.subscribe;

import io.handbill.aws.Env;
import io.handbill.http.AdminGroupConfig;
import io.handbill.mail.SesConfig;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.TokenSecretConfig;

import java.util.Map;

/**
 * Everything the subscriptions function is configured with, parsed at init.
 *
 * @param eventsTable {@code EVENTS_TABLE}
 * @param site        {@code SITE_URL}, {@code GROUP_NAME}, {@code ORGANISER_EMAIL}
 * @param senderEmail {@code SENDER_EMAIL}: From of the confirmation mail
 * @param ses         {@code SES_CONFIGURATION_SET}, {@code SEND_RATE_PER_SECOND}
 * @param secret      {@code HMAC_SECRET_PARAMETER} (or {@code HMAC_SECRET} locally): signs confirm/unsubscribe links
 * @param adminGroup  {@code ADMIN_GROUP}: the Cognito group allowed to export subscribers
 */
public record SubscriptionsConfig(String eventsTable, SiteConfig site, String senderEmail, SesConfig ses,
                                  TokenSecretConfig secret, String adminGroup) {
    public static SubscriptionsConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new SubscriptionsConfig(env.required("EVENTS_TABLE"), SiteConfig.from(env),
                env.required("SENDER_EMAIL"), SesConfig.from(env), TokenSecretConfig.from(env),
                AdminGroupConfig.from(env).name());
    }
}
