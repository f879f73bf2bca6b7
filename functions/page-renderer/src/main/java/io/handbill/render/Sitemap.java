package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/** {@code sitemap.xml} (sitemaps.org 0.9): the index pages and every public event page. */
final class Sitemap {
    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private Sitemap() {
    }

    static String write(SiteConfig site, List<Event> publicEvents, int indexPages) {
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
        xml.end().close();
        return xml.toString();
    }
}
