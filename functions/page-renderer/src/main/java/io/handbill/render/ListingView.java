package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.HumanTime;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

import java.util.List;

/**
 * One page of the events index: upcoming events (first page only) and a slice of past events grouped by year.
 *
 * @param newerUrl site path of the previous page, or {@code null} on the first
 * @param olderUrl site path of the next page, or {@code null} on the last
 */
public record ListingView(int page, int pages, List<Entry> upcoming, List<Year> past, String newerUrl,
                          String olderUrl) {

    /**
     * One event in the list.
     *
     * @param thumbnail site path or URL of its picture (the smallest copy); {@code null} in the compact past list
     * @param localTime  whether the reader's own time may be added beside the start (upcoming events)
     */
    public record Entry(String path, String title, String startIso, String day, String time, String place,
                        String summary, String thumbnail, boolean cancelled, boolean localTime) {
        /** @param upcoming for the index's upcoming list: with summary, thumbnail and the reader's local time */
        static Entry of(Event e, SiteConfig site, boolean upcoming) {
            String place = e.venue() == null ? null
                    : e.venue().city() == null ? e.venue().name() : e.venue().name() + ", " + e.venue().city();
            return new Entry(SitePaths.eventPage(e.slug()), e.title(), When.iso(e.start(), e.zone()),
                    HumanTime.shortDay(e.zonedStart()), HumanTime.time(e.zonedStart()), place,
                    upcoming ? e.summary() : null, upcoming ? Picture.of(e, site).src() : null,
                    e.status() == EventStatus.CANCELLED, upcoming);
        }
    }

    public record Year(int year, List<Entry> events) {
    }

    public boolean first() {
        return page == 1;
    }
}
