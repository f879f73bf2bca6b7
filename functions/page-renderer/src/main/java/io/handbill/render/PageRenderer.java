package io.handbill.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.handbill.model.Aliases;
import io.handbill.model.Event;
import io.handbill.model.Series;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns events into the site's objects. Pure: no I/O besides reading its own stylesheet, so the same events always
 * give the same bytes (which is what lets the publisher skip unchanged objects).
 */
public final class PageRenderer {
    /** Past events per index page. */
    static final int PAGE_SIZE = 25;
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private final SiteConfig site;
    private final String logoUrl;
    private final SiteObject stylesheet;
    private final SiteObject localTimeScript;

    public PageRenderer(SiteConfig site) {
        this(site, null);
    }

    /** @param logoUrl the group's logo, an absolute http(s) URL, or {@code null} */
    public PageRenderer(SiteConfig site, String logoUrl) {
        this.site = site;
        this.logoUrl = logoUrl;
        this.stylesheet = hashed("/site/site.css", "site", ".css", SiteObject.CSS);
        this.localTimeScript = hashed("/site/localtime.js", "localtime", ".js", SiteObject.JAVASCRIPT);
    }

    /** The event's page and a redirect page at each of its aliases. Only for public events. */
    public List<SiteObject> eventPages(Event event) {
        return eventPages(event, null);
    }

    /**
     * As {@link #eventPages(Event)}, for an occurrence of {@code series} (or {@code null}): its page links the
     * series page.
     */
    public List<SiteObject> eventPages(Event event, Series series) {
        if (!event.status().isPublic()) {
            throw new IllegalArgumentException("Event " + event.id() + " is a draft");
        }
        String url = site.eventUrl(event.slug());
        String title = event.displayTitle();
        EventView view = EventView.of(event, site);
        PageMeta meta = new PageMeta(site, title + " · " + site.groupName(), event.summary(), url, "website",
                view.jsonLd(), cssHref(), localTimeSrc(), view.cover(), logoUrl);
        List<SiteObject> objects = new ArrayList<>();
        objects.add(SiteObject.page(SitePaths.key(SitePaths.eventPage(event.slug())),
                render("event.jte", eventParams(view, meta, series))));
        for (String key : Aliases.keys(event)) {
            // validation refuses reserved paths; checked again because a site file overwritten is a site broken
            if (!SitePaths.isReservedKey(key)) {
                objects.add(aliasPage(key, url, event.title()));
            }
        }
        return objects;
    }

    /**
     * The pictures an event's pages show that are made rather than written: the resized copies of its upload, or
     * the share card drawn when it has no picture. Each key names what it is made from, so only a new upload, title
     * or date makes one.
     */
    public List<DerivedObject> eventPictures(Event event) {
        Picture picture = Picture.of(event, site);
        if (picture.generated()) {
            ShareCard.Text text = ShareCard.Text.of(event, site);
            return List.of(new DerivedObject(SitePaths.key(picture.src()), null,
                    none -> new SiteObject(SitePaths.key(picture.src()), ShareCard.png(text), SiteObject.PNG,
                            SiteObject.IMMUTABLE, null)));
        }
        if (event.cover() == null || !event.cover().uploaded()) {
            return List.of();
        }
        String upload = event.cover().url();
        boolean png = upload.endsWith(".png");
        return Picture.WIDTHS.stream().map(width -> {
            String key = SitePaths.key(SitePaths.mediaVariant(upload, width));
            return new DerivedObject(key, SitePaths.key(upload), source -> new SiteObject(key,
                    ImageVariants.resized(source, width, png), png ? SiteObject.PNG : SiteObject.JPEG,
                    SiteObject.IMMUTABLE, null));
        }).toList();
    }

    private static Map<String, Object> eventParams(EventView view, PageMeta meta, Series series) {
        Map<String, Object> params = new HashMap<>(Map.of("view", view, "meta", meta));
        params.put("series", series == null ? null : SeriesView.Link.of(series));
        return params;
    }

    /**
     * The series' page at {@code series/<slug>/index.html}: its public occurrences (as the listing keeps them) and
     * its skipped dates, split into upcoming and past at {@code now}.
     */
    public SiteObject seriesPage(Series series, List<Event> publicOccurrences, Instant now) {
        SeriesView view = SeriesView.of(series, publicOccurrences, site, now);
        PageMeta meta = new PageMeta(site, series.title() + " · " + site.groupName(),
                "Every date of " + series.title() + ", upcoming and past.", site.url(view.path()), "website", null,
                cssHref(), null, null, logoUrl);
        return SiteObject.page(seriesKey(series), render("series.jte", Map.of("view", view, "meta", meta)));
    }

    static String seriesKey(Series series) {
        return SitePaths.key(SitePaths.seriesPage(series.slug()));
    }

    /** A small redirect page at the bucket key a request for the alias path reads ({@link Aliases#key}). */
    static SiteObject aliasPage(String key, String target, String title) {
        byte[] html = render("alias.jte", Map.of("target", target, "title", title)).getBytes(StandardCharsets.UTF_8);
        return new SiteObject(key, html, SiteObject.HTML, SiteObject.SHORT_CACHE, target);
    }

    /**
     * {@code index.html} (upcoming events, soonest first, then the latest past events) and {@code page/N/index.html}
     * for older past events, newest first, grouped by year.
     */
    public List<SiteObject> indexPages(List<Event> publicEvents, Instant now) {
        return indexViews(publicEvents, now).stream().map(this::indexPage).toList();
    }

    /**
     * What each index page shows, page by page: two equal views render the same bytes, so a page can be known to be
     * unchanged without rendering it.
     */
    public List<ListingView> indexViews(List<Event> publicEvents, Instant now) {
        List<Event> upcoming = publicEvents.stream().filter(e -> !e.endsAt().isBefore(now))
                .sorted(Comparator.comparing(Event::startsAt)).toList();
        List<Event> past = publicEvents.stream().filter(e -> e.endsAt().isBefore(now))
                .sorted(Comparator.comparing(Event::startsAt).reversed()).toList();
        int pages = Math.max(1, (past.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<ListingView> views = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            List<Event> slice = past.subList(Math.min(past.size(), (page - 1) * PAGE_SIZE),
                    Math.min(past.size(), page * PAGE_SIZE));
            views.add(new ListingView(page, pages,
                    page == 1 ? upcoming.stream().map(e -> ListingView.Entry.of(e, site, true)).toList() : List.of(),
                    byYear(slice),
                    page == 1 ? null : SitePaths.indexPage(page - 1),
                    page == pages ? null : SitePaths.indexPage(page + 1)));
        }
        return views;
    }

    public SiteObject indexPage(ListingView view) {
        int page = view.page();
        String title = site.groupName() + " events" + (page == 1 ? "" : " · page " + page);
        PageMeta meta = new PageMeta(site, title, "Meetups and talks from " + site.groupName() + ".",
                site.url(SitePaths.indexPage(page)), "website", null, cssHref(),
                view.upcoming().isEmpty() ? null : localTimeSrc(), null, logoUrl);
        return SiteObject.page(pageKey(page), render("index.jte", Map.of("view", view, "meta", meta)));
    }

    static String pageKey(int page) {
        return SitePaths.key(SitePaths.indexPage(page));
    }

    private List<ListingView.Year> byYear(List<Event> newestFirst) {
        Map<Integer, List<ListingView.Entry>> years = new LinkedHashMap<>();
        for (Event e : newestFirst) {
            years.computeIfAbsent(e.start().getYear(), y -> new ArrayList<>()).add(ListingView.Entry.of(e, site, false));
        }
        return years.entrySet().stream().map(y -> new ListingView.Year(y.getKey(), List.copyOf(y.getValue())))
                .toList();
    }

    public SiteObject feed(List<Event> publicEvents) {
        return SiteObject.of(SitePaths.key(SitePaths.FEED), AtomFeed.write(site, publicEvents), SiteObject.ATOM,
                SiteObject.SHORT_CACHE);
    }

    public SiteObject sitemap(List<Event> publicEvents, int indexPages) {
        return sitemap(publicEvents, indexPages, List.of());
    }

    /** @param series the series with a page: those with a public occurrence among {@code publicEvents} */
    public SiteObject sitemap(List<Event> publicEvents, int indexPages, List<Series> series) {
        return SiteObject.of(SitePaths.key(SitePaths.SITEMAP), Sitemap.write(site, publicEvents, indexPages, series),
                SiteObject.XML, SiteObject.SHORT_CACHE);
    }

    /**
     * What every page relies on and no event changes: the stylesheet, robots.txt, the 404 page, the icon, the RSVP
     * script and the local-time script.
     */
    public List<SiteObject> furniture() {
        PageMeta meta = new PageMeta(site, "Page not found · " + site.groupName(), null, site.url(SitePaths.NOT_FOUND),
                "website", null, cssHref(), null, null, logoUrl);
        String robots = "User-agent: *\nAllow: /\n\nSitemap: " + site.url(SitePaths.SITEMAP) + "\n";
        return List.of(stylesheet,
                SiteObject.of(SitePaths.key(SitePaths.ROBOTS), robots, SiteObject.TEXT, SiteObject.SHORT_CACHE),
                SiteObject.page(SitePaths.key(SitePaths.NOT_FOUND), render("notFound.jte", Map.of("meta", meta))),
                new SiteObject(SitePaths.key(SitePaths.FAVICON), resource("/site/favicon.svg"), SiteObject.SVG,
                        SiteObject.SHORT_CACHE, null),
                rsvpScript(), localTimeScript);
    }

    String cssHref() {
        return "/" + stylesheet.key();
    }

    String localTimeSrc() {
        return "/" + localTimeScript.key();
    }

    private static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(16 * 1024);
        TEMPLATES.render(template, params, out);
        return out.toString();
    }

    /** The event pages' one script: live RSVP counts; short-cached, so a new version reaches pages soon. */
    private static SiteObject rsvpScript() {
        return new SiteObject(SitePaths.key(SitePaths.RSVP_SCRIPT), resource("/site/rsvp.js"), SiteObject.JAVASCRIPT,
                SiteObject.SHORT_CACHE, null);
    }

    /**
     * An asset under a name that carries its content hash, so it can be cached for a year, and pages name a new
     * version as soon as it exists (and are written again only then).
     */
    private static SiteObject hashed(String resource, String name, String extension, String contentType) {
        byte[] body = resource(resource);
        SiteObject unnamed = new SiteObject("", body, contentType, SiteObject.IMMUTABLE, null);
        String path = SitePaths.ASSETS + name + "." + unnamed.sha256().substring(0, 12) + extension;
        return new SiteObject(SitePaths.key(path), body, contentType, SiteObject.IMMUTABLE, null);
    }

    private static byte[] resource(String name) {
        try (InputStream in = PageRenderer.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
