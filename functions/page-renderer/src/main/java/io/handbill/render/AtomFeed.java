package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.HumanTime;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** {@code feed.xml}: an Atom 1.0 feed (RFC 4287) of the latest events, newest start first. */
final class AtomFeed {
    static final int ENTRIES = 50;
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String write(SiteConfig site, List<Event> publicEvents) {
        List<Event> entries = publicEvents.stream().sorted(Comparator.comparing(Event::startsAt).reversed())
                .limit(ENTRIES).toList();
        Instant updated = entries.stream().map(AtomFeed::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        XmlText xml = new XmlText();
        xml.startRoot("feed", ATOM)
                .element("title", site.groupName() + " events")
                .element("subtitle", "Meetups and talks from " + site.groupName())
                .empty("link", "rel", "self", "type", "application/atom+xml", "href", site.url(SitePaths.FEED))
                .empty("link", "rel", "alternate", "type", "text/html", "href", site.url(SitePaths.HOME))
                .element("id", site.url(SitePaths.FEED))
                .element("updated", timestamp(updated))
                .start("author").element("name", site.groupName()).end()
                .element("generator", "Handbill");
        for (Event e : entries) {
            String url = site.eventUrl(e.slug());
            String when = HumanTime.day(e.zonedStart()) + ", " + HumanTime.hours(e)
                    + (e.venue() == null ? "" : " at " + e.venue().name());
            xml.start("entry")
                    .element("title", e.displayTitle())
                    .empty("link", "rel", "alternate", "type", "text/html", "href", url)
                    .element("id", url)
                    .element("published", timestamp(Objects.requireNonNullElse(e.createdAt(), updated(e))))
                    .element("updated", timestamp(updated(e)))
                    .element("summary", when + (e.summary() == null ? "" : ". " + e.summary()));
            for (String tag : e.tags()) {
                xml.empty("category", "term", tag);
            }
            xml.start("content").attribute("type", "html")
                    .text(content(e, when))
                    .end()
                    .end();
        }
        xml.end().close();
        return xml.toString();
    }

    /** When, where and the summary: the listing an edit reads keeps no descriptions, and the page has them. */
    private static String content(Event e, String when) {
        String cancelled = e.status() == EventStatus.CANCELLED
                ? "<p><strong>Cancelled.</strong> " + escape(e.cancelReason()) + "</p>" : "";
        String summary = e.summary() == null ? "" : "<p>" + escape(e.summary()) + "</p>";
        return cancelled + "<p>" + escape(when) + "</p>" + summary;
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static Instant updated(Event e) {
        return Objects.requireNonNullElse(e.updatedAt(), e.startsAt());
    }

    private static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
