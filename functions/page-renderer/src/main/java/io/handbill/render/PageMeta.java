package io.handbill.render;

import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

/**
 * The head of a page: title, canonical URL and the social-card and structured-data metadata.
 *
 * @param jsonLd  schema.org JSON-LD for the page, already escaped for a script element, or {@code null}
 * @param localTimeSrc the script that adds the reader's local time to {@code time[data-local-time]}, or {@code null}
 * @param image   the picture social sites show for the page, or {@code null}
 * @param logoUrl the group's logo (an absolute http(s) URL), or {@code null}
 */
public record PageMeta(SiteConfig site, String title, String description, String canonicalUrl, String ogType,
                       SafeHtml jsonLd, String cssHref, String localTimeSrc, Picture image,
                       String logoUrl) {

    /** The footer's "Add to calendar" menu: the whole group's feed. */
    public CalendarLinks groupCalendar() {
        return CalendarLinks.forGroup(site);
    }

    /** Large cards only with a picture of the share shape; a logo shows as the small one. */
    public String twitterCard() {
        return image != null && image.width() != null ? "summary_large_image" : "summary";
    }

    public String subscribeUrl() {
        return site.url(SitePaths.SUBSCRIBE);
    }

    public String feedUrl() {
        return site.url(SitePaths.FEED);
    }
}
