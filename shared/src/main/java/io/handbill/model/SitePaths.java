package io.handbill.model;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every public path of the site, in one place: where the renderer puts objects in the bucket, which paths the CDN
 * sends to the HTTP API, and the links pages and mails carry ({@link SiteConfig} makes them absolute URLs).
 */
public final class SitePaths {
    public static final String HOME = "/";
    public static final String EVENTS = "/events/";
    /** A recurring series' page, listing its occurrences: {@code /series/<slug>/}. */
    public static final String SERIES = "/series/";
    public static final String ASSETS = "/assets/";
    public static final String ICS = ".ics";
    public static final String CALENDAR = "/calendar.ics";
    public static final String FEED = "/feed.xml";
    public static final String SITEMAP = "/sitemap.xml";
    public static final String ROBOTS = "/robots.txt";
    public static final String NOT_FOUND = "/404.html";
    /** The site's icon, linked from every page so browsers do not ask for a missing {@code /favicon.ico}. */
    public static final String FAVICON = "/favicon.svg";
    public static final String API = "/api/";
    public static final String SUBSCRIBE = "/api/subscriptions";
    public static final String CONFIRM = "/api/subscriptions/confirm";
    public static final String UNSUBSCRIBE = "/api/unsubscribe";
    /** Pictures organisers upload ({@link Image#UPLOAD}) and the resized copies the renderer makes of them. */
    public static final String MEDIA = "/media/";
    public static final String RSVPS = "/api/rsvps";
    /** The event pages' script that shows live RSVP availability. */
    public static final String RSVP_SCRIPT = ASSETS + "rsvp.js";
    public static final String RSVP_CONFIRM = "/api/rsvps/confirm";
    public static final String RSVP_CANCEL = "/api/rsvps/cancel";
    /** Index pages after the first: {@code /page/2/}, … */
    public static final String PAGES = "/page/";
    /** The admin form, in the same bucket as the site in AWS. */
    public static final String ADMIN = "/admin/";
    /** What only the local stack serves: the outbox and the sweep button. */
    public static final String LOCAL_OUTBOX = "/outbox/";
    public static final String LOCAL_CONTROLS = "/local/";
    /** A path ending in "/" is served from this file in that "directory", by the CDN and by the local stack. */
    public static final String INDEX_FILE = "index.html";

    private SitePaths() {
    }

    public static String eventPage(String slug) {
        return EVENTS + slug + "/";
    }

    public static String seriesPage(String slug) {
        return SERIES + slug + "/";
    }

    public static String eventIcs(String slug) {
        return EVENTS + slug + ICS;
    }

    /**
     * The generated share card of an event without a picture; {@code hash} names what it shows, so that a new title
     * or date is a new address (social sites cache a picture by its address).
     */
    public static String eventCard(String slug, String hash) {
        return EVENTS + slug + "/card-" + hash + ".png";
    }

    /** A resized copy of an uploaded picture ({@code /media/<id>.jpg}): {@code /media/<id>-720.jpg}. */
    public static String mediaVariant(String upload, int width) {
        int dot = upload.lastIndexOf('.');
        return upload.substring(0, dot) + "-" + width + upload.substring(dot);
    }

    /** The public RSVP counts of an event, JSON, cacheable for seconds. */
    public static String availability(String slug) {
        return "/api/events/" + slug + "/availability";
    }

    /** Page 1 of the index is the home page; older past events follow on {@code /page/N/}. */
    public static String indexPage(int page) {
        return page == 1 ? HOME : PAGES + page + "/";
    }

    /** The bucket key that serves {@code path}: no leading slash, and {@code index.html} for a directory. */
    public static String key(String path) {
        String key = path.substring(1);
        return key.isEmpty() || key.endsWith("/") ? key + INDEX_FILE : key;
    }

    /** The slug in an event's calendar file name, {@code <slug>.ics}, if it is one. */
    public static Optional<String> icsSlug(String fileName) {
        if (fileName == null || !fileName.endsWith(ICS)) {
            return Optional.empty();
        }
        String slug = fileName.substring(0, fileName.length() - ICS.length());
        return slug.length() <= Slugs.MAX_LENGTH && Slugs.FORMAT.matcher(slug).matches() ? Optional.of(slug)
                : Optional.empty();
    }

    /**
     * Whether a bucket key is one the site, the API, the admin form or the local stack owns, so that no alias may
     * take it: everything under the first segment of each path above ({@code events}, {@code page}, {@code feed.xml},
     * …, the home page's {@code index.html}). Compared ignoring case, as some disks do. A test renders a whole site and
     * checks every key the renderer writes is reserved.
     */
    public static boolean isReservedKey(String key) {
        return RESERVED_FIRST_SEGMENTS.contains(key.split("/", 2)[0].toLowerCase(Locale.ROOT));
    }

    private static final Set<String> RESERVED_FIRST_SEGMENTS = Stream.of(HOME, EVENTS, SERIES, ASSETS, CALENDAR, FEED,
                    SITEMAP, ROBOTS, NOT_FOUND, FAVICON, API, MEDIA, PAGES, ADMIN, LOCAL_OUTBOX, LOCAL_CONTROLS)
            .map(path -> key(path).split("/", 2)[0]).collect(Collectors.toUnmodifiableSet());

    /** The CDN's split: these paths go to the HTTP API, every other one to the bucket. */
    public static boolean isApiPath(String path) {
        return path.startsWith(API) || path.equals(CALENDAR) || (path.startsWith(EVENTS) && path.endsWith(ICS));
    }
}
