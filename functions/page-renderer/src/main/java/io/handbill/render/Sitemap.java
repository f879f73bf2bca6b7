package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.Series;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** {@code sitemap.xml} (sitemaps.org 0.9): the index pages, every public event page and every series page. */
final class Sitemap {
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private Sitemap() {
    }

    static String write(SiteConfig site, List<Event> publicEvents, int indexPages, List<Series> series) {
        XmlText xml = new XmlText();
        xml.startRoot("urlset", NS);
        for (int page = 1; page <= indexPages; page++) {
            xml.start("url").element("loc", site.url(SitePaths.indexPage(page))).end();
        }
        for (Event e : publicEvents) {
            Instant modified = Objects.requireNonNullElse(e.updatedAt(), e.startsAt());
            xml.start("url")
                    .element("loc", site.eventUrl(e.slug()))
                    .element("lastmod", modified.atOffset(ZoneOffset.UTC).toLocalDate().toString())
                    .end();
        }
        for (Series s : series) {
            // the page changes when an occurrence does (or when a date is skipped, which the listing cannot see)
            publicEvents.stream().filter(e -> s.id().equals(e.seriesId()))
                    .map(e -> Objects.requireNonNullElse(e.updatedAt(), e.startsAt())).max(Comparator.naturalOrder())
                    .ifPresent(modified -> xml.start("url")
                            .element("loc", site.url(SitePaths.seriesPage(s.slug())))
                            .element("lastmod", modified.atOffset(ZoneOffset.UTC).toLocalDate().toString())
                            .end());
        }
        xml.end().close();
        return xml.toString();
    }
}
