package io.handbill.render;

import io.handbill.aws.Env;
import io.handbill.model.SiteConfig;

import java.util.Map;

/**
 * Everything the page renderer is configured with, parsed at init.
 *
 * @param eventsTable {@code EVENTS_TABLE}
 * @param pagesBucket {@code PAGES_BUCKET}: where the site is written
 * @param site        {@code SITE_URL}, {@code GROUP_NAME}, {@code ORGANISER_EMAIL}
 */
public record PageRendererConfig(String eventsTable, String pagesBucket, SiteConfig site) {
    public static PageRendererConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new PageRendererConfig(env.required("EVENTS_TABLE"), env.required("PAGES_BUCKET"), SiteConfig.from(env));
    }
}
