package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.HumanTime;
import io.handbill.model.Series;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a series page shows: its public occurrences and its skipped dates, upcoming ones soonest first, then past
 * ones newest first. Drafts are not in it: only what the index lists.
 */
public record SeriesView(String title, String path, List<Row> upcoming, List<Row> past) {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.UK);

    /** An occurrence ({@code entry}) or a date with no meetup ({@code skipped}); exactly one of the two is set. */
    public record Row(LocalDate date, ListingView.Entry entry, Skipped skipped) {
    }

    /** "No meetup in August 2027" (monthly and yearly series) or "No meetup on Tue 10 Aug 2027". */
    public record Skipped(String label, String dateIso, String day, String reason) {
    }

    /**
     * How an occurrence's page links its series: by the slug alone, which never changes, so that a new series title
     * changes the series page and no occurrence's page.
     */
    public record Link(String path) {
        static Link of(Series series) {
            return new Link(SitePaths.seriesPage(series.slug()));
        }
    }

    static SeriesView of(Series series, List<Event> occurrences, SiteConfig site, Instant now) {
        ZoneId zone = ZoneId.of(series.timeZone());
        LocalDate today = LocalDate.ofInstant(now, zone);
        var upcoming = new ArrayList<Row>();
        var past = new ArrayList<Row>();
        for (Event e : occurrences) {
            Row row = new Row(e.start().toLocalDate(), ListingView.Entry.of(e, site, false), null);
            (e.endsAt().isBefore(now) ? past : upcoming).add(row);
        }
        boolean byMonth = series.rule().contains("FREQ=MONTHLY") || series.rule().contains("FREQ=YEARLY");
        for (Series.SkippedDate s : series.exceptions()) {
            String label = byMonth ? "No meetup in " + MONTH.format(s.date())
                    : "No meetup on " + HumanTime.shortDay(s.date());
            Row row = new Row(s.date(), null, new Skipped(label, s.date().toString(), HumanTime.shortDay(s.date()),
                    s.reason()));
            (s.date().isBefore(today) ? past : upcoming).add(row);
        }
        upcoming.sort(Comparator.comparing(Row::date));
        past.sort(Comparator.comparing(Row::date).reversed());
        return new SeriesView(series.title(), SitePaths.seriesPage(series.slug()), List.copyOf(upcoming),
                List.copyOf(past));
    }
}
