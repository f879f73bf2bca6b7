package io.handbill.render;

import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

/**
 * The head of a page: title, canonical URL and the social-card and structured-data metadata.
 *
 * @param jsonLd schema.org JSON-LD for the page, already escaped for a script element, or {@code null}
 */
public record PageMeta(SiteConfig site, String title, String description, String canonicalUrl, String ogType,
                       SafeHtml jsonLd, String cssHref) {

    public String feedUrl() {
        return site.url(SitePaths.FEED);
    }
}
