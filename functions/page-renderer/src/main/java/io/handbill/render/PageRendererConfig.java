package io.handbill.render;

import io.handbill.aws.Env;
import io.handbill.model.SiteConfig;
import io.handbill.validation.SafeUrl;

import java.util.Map;

/**
 * Everything the page renderer is configured with, parsed at init.
 *
 * @param eventsTable {@code EVENTS_TABLE}
 * @param pagesBucket {@code PAGES_BUCKET}: where the site is written
 * @param site        {@code SITE_URL}, {@code GROUP_NAME}, {@code ORGANISER_EMAIL}
 * @param logoUrl     {@code GROUP_LOGO_URL}: the group's logo on every page, an absolute http(s) URL; empty or unset
 *                    for none
 */
public record PageRendererConfig(String eventsTable, String pagesBucket, SiteConfig site, String logoUrl) {
    public PageRendererConfig {
        if (logoUrl != null && logoUrl.isBlank()) {
            logoUrl = null;
        }
        if (logoUrl != null && !SafeUrl.isSafe(logoUrl)) {
            throw new IllegalArgumentException("GROUP_LOGO_URL is not an absolute http(s) URL: " + logoUrl);
        }
    }

    public PageRendererConfig(String eventsTable, String pagesBucket, SiteConfig site) {
        this(eventsTable, pagesBucket, site, null);
    }

    public static PageRendererConfig from(Map<String, String> variables) {
        Env env = new Env(variables);
        return new PageRendererConfig(env.required("EVENTS_TABLE"), env.required("PAGES_BUCKET"), SiteConfig.from(env),
                env.optional("GROUP_LOGO_URL", null));
    }
}
