package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.HumanTime;
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

    public record Entry(String path, String title, String startIso, String day, String place, boolean cancelled) {
        static Entry of(Event e) {
            String place = e.venue() == null ? null
                    : e.venue().city() == null ? e.venue().name() : e.venue().name() + ", " + e.venue().city();
            return new Entry(SitePaths.eventPage(e.slug()), e.title(), When.iso(e.start(), e.zone()),
                    HumanTime.shortDay(e.zonedStart()), place, e.status() == EventStatus.CANCELLED);
        }
    }

    public record Year(int year, List<Entry> events) {
    }

    public boolean first() {
        return page == 1;
    }
}
