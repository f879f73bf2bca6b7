package io.handbill.icsfeed;

import io.handbill.ical.IcsWriter;
import io.handbill.model.Event;
import io.handbill.model.SiteConfig;
import io.handbill.store.EventStore;
import io.handbill.store.Page;
import io.handbill.store.SiteVersion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;

/**
 * The public calendars: the group's feed (published and cancelled events from {@code pastDays} ago on) and one
 * event's file. Their validators come from the site version alone, one small read, so that a conditional request
 * is answered without reading any event. Every change the public can see raises the site version; the feed's
 * window moves at midnight UTC, so its tag also names the window's first day.
 */
final class CalendarFeeds {
    static final int PAGE_SIZE = 200;
    private static final Instant NO_END = Instant.parse("9999-01-01T00:00:00Z");

    private final EventStore events;
    private final SiteConfig site;
    private final Clock clock;
    private final int pastDays;
    private final int pageSize;
    /** Tells representations apart when the same site version is served under another configuration. */
    private final String configTag;

    CalendarFeeds(EventStore events, SiteConfig site, Clock clock, int pastDays) {
        this(events, site, clock, pastDays, PAGE_SIZE);
    }

    /** @param pageSize events per read of the public index (tests make a feed of several pages with few events) */
    CalendarFeeds(EventStore events, SiteConfig site, Clock clock, int pastDays, int pageSize) {
        if (pastDays < 0) {
            throw new IllegalArgumentException("pastDays is negative: " + pastDays);
        }
        this.events = events;
        this.site = site;
        this.clock = clock;
        this.pastDays = pastDays;
        this.pageSize = pageSize;
        this.configTag = Integer.toHexString(Arrays.hashCode(
                new Object[]{site.siteUrl(), site.groupName(), site.organiserEmail()}));
    }

    /** What one request of the group feed sees: the site version and the window's first day. */
    record GroupFeed(SiteVersion version, LocalDate firstDay, Validators validators) {
    }

    GroupFeed groupFeed() {
        SiteVersion version = events.siteVersion();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate firstDay = today.minusDays(pastDays);
        Instant windowMoved = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        String etag = "\"" + version.value() + "." + DateTimeFormatter.BASIC_ISO_DATE.format(firstDay) + "."
                + configTag + "\"";
        Instant lastModified = version.updatedAt().isAfter(windowMoved) ? version.updatedAt() : windowMoved;
        return new GroupFeed(version, firstDay, new Validators(etag, lastModified));
    }

    /** The feed's events, soonest first, read page by page from the public index. */
    String render(GroupFeed feed) {
        Instant from = feed.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        var all = new ArrayList<Event>();
        String cursor = null;
        do {
            Page<Event> page = events.listPublic(from, NO_END, cursor, pageSize);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return IcsWriter.calendar(site, all, IcsWriter.Method.PUBLISH);
    }

    /** Validators of every event's file: the public state of all events is fixed by the site version. */
    Validators eventValidators() {
        SiteVersion version = events.siteVersion();
        return new Validators("\"" + version.value() + "." + configTag + "\"", version.updatedAt());
    }

    /** The published or cancelled event at {@code slug}; drafts are not public. */
    Optional<Event> publicEvent(String slug) {
        return events.findBySlug(slug).filter(event -> event.status().isPublic());
    }

    String render(Event event) {
        return IcsWriter.event(site, event, IcsWriter.Method.PUBLISH);
    }
}
