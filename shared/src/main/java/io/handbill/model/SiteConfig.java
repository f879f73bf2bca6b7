package io.handbill.model;

import io.handbill.aws.Env;

/**
 * Who publishes and where: the same for every function of one deployment.
 *
 * @param siteUrl        public base URL without a trailing slash, e.g. {@code https://events.leedsdevops.org.uk};
 *                       pages live at {@code /events/<slug>/}, feeds at {@code /calendar.ics}, the API at {@code /api/}
 * @param groupName      e.g. "Leeds DevOps"
 * @param organiserEmail contact address, used as iCalendar ORGANIZER and schema.org organizer email
 */
public record SiteConfig(String siteUrl, String groupName, String organiserEmail) {
    public SiteConfig {
        siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
    }

    /** {@code SITE_URL}, {@code GROUP_NAME} and {@code ORGANISER_EMAIL}, all required. */
    public static SiteConfig from(Env env) {
        return new SiteConfig(env.required("SITE_URL"), env.required("GROUP_NAME"), env.required("ORGANISER_EMAIL"));
    }

    public String eventUrl(String slug) {
        return siteUrl + "/events/" + slug + "/";
    }

    public String eventIcsUrl(String slug) {
        return siteUrl + "/events/" + slug + ".ics";
    }

    public String calendarUrl() {
        return siteUrl + "/calendar.ics";
    }

    public String apiUrl(String path) {
        return siteUrl + "/api" + path;
    }
}
