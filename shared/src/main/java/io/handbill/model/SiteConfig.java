package io.handbill.model;

import io.handbill.aws.Env;

/**
 * Who publishes and where: the same for every function of one deployment.
 *
 * @param siteUrl        public base URL without a trailing slash, e.g. {@code https://events.leedsdevops.org.uk};
 *                       (the paths under it are {@link SitePaths})
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

    /** The absolute URL of a site path ({@link SitePaths}). */
    public String url(String path) {
        return siteUrl + path;
    }

    public String eventUrl(String slug) {
        return url(SitePaths.eventPage(slug));
    }

    public String eventIcsUrl(String slug) {
        return url(SitePaths.eventIcs(slug));
    }

    public String calendarUrl() {
        return url(SitePaths.CALENDAR);
    }

    public String confirmUrl(String confirmToken) {
        return url(SitePaths.CONFIRM + "?token=" + confirmToken);
    }

    public String unsubscribeUrl(String unsubscribeToken) {
        return url(SitePaths.UNSUBSCRIBE + "?token=" + unsubscribeToken);
    }

    public String rsvpConfirmUrl(String confirmToken) {
        return url(SitePaths.RSVP_CONFIRM + "?token=" + confirmToken);
    }

    public String rsvpCancelUrl(String cancelToken) {
        return url(SitePaths.RSVP_CANCEL + "?token=" + cancelToken);
    }
}
