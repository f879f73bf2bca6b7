package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.SiteConfig;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Add to calendar" menu's four ways in, for one event or for the group's whole feed: {@code webcal://} (Apple
 * Calendar and most desktop apps open it), Google Calendar, Outlook.com, and the plain {@code .ics} download.
 *
 * @param subscription true for the group feed (calendar apps keep following it), false for a single event
 */
public record CalendarLinks(String webcal, String google, String outlook, String download, boolean subscription) {
    private static final DateTimeFormatter GOOGLE_UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OUTLOOK_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Google's and Outlook's documented "new event" links, with UTC times (and the event's zone for Google). */
    static CalendarLinks forEvent(Event e, SiteConfig site) {
        String ics = site.eventIcsUrl(e.slug());
        String details = (e.summary() == null ? "" : e.summary() + "\n\n") + site.eventUrl(e.slug());
        String location = location(e);
        String google = "https://calendar.google.com/calendar/render?action=TEMPLATE"
                + "&text=" + encode(e.title())
                + "&dates=" + GOOGLE_UTC.format(e.startsAt()) + "/" + GOOGLE_UTC.format(e.endsAt())
                + "&ctz=" + encode(e.timeZone())
                + "&details=" + encode(details)
                + "&location=" + encode(location);
        String outlook = "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose"
                + "&rru=addevent"
                + "&subject=" + encode(e.title())
                + "&startdt=" + encode(OUTLOOK_UTC.format(e.startsAt()))
                + "&enddt=" + encode(OUTLOOK_UTC.format(e.endsAt()))
                + "&body=" + encode(details)
                + "&location=" + encode(location);
        return new CalendarLinks(webcal(ics), google, outlook, ics, false);
    }

    /** Subscriptions to the group's feed: each app then follows new, moved and cancelled events by itself. */
    static CalendarLinks forGroup(SiteConfig site) {
        String feed = site.calendarUrl();
        String webcal = webcal(feed);
        return new CalendarLinks(webcal, "https://calendar.google.com/calendar/render?cid=" + encode(webcal),
                "https://outlook.live.com/calendar/0/addfromweb?url=" + encode(feed) + "&name="
                        + encode(site.groupName()),
                feed, true);
    }

    /** The same address for calendar apps: {@code webcal://} is {@code https://} (or {@code http://} locally). */
    static String webcal(String url) {
        return url.replaceFirst("^https?://", "webcal://");
    }

    private static String location(Event e) {
        if (e.venue() == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add(e.venue().name());
        parts.addAll(EventView.address(e.venue()));
        return String.join(", ", parts);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
