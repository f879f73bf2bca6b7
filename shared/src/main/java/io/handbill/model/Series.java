package io.handbill.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recurring event such as "second Tuesday of every month": its occurrences are ordinary events linked back by
 * {@link Event#seriesId()}. Times are local: every occurrence starts at {@code startTime} in {@code timeZone},
 * whatever the UTC offset is that day.
 *
 * @param rule       an RFC 5545 RRULE without the {@code RRULE:} prefix, e.g. {@code FREQ=MONTHLY;BYDAY=2TU}
 * @param firstDate  the rule's first possible date (its DTSTART)
 * @param horizon    how many of the rule's dates ahead exist as events, skipped ones included
 * @param template   the fields each occurrence starts with; its {@code start} is {@link #TEMPLATE_DATE} at
 *                   {@code startTime}, so its agenda times are offsets from the start of the evening
 * @param exceptions dates of the rule on which there is no meetup
 */
public record Series(String id, String slug, String title, String rule, LocalTime startTime, Duration duration,
                     String timeZone, LocalDate firstDate, int horizon, EventDraft template,
                     List<SkippedDate> exceptions, SeriesStatus status, long version, Instant createdAt,
                     Instant updatedAt) {
    /** The date the stored template's times hang off; any date works since occurrences move it as a whole. */
    public static final LocalDate TEMPLATE_DATE = LocalDate.of(2000, 1, 3);

    public Series {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(firstDate, "firstDate");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(status, "status");
        exceptions = Lists.copy(exceptions);
    }

    /** Is there no meetup on {@code date}, and why. */
    public Optional<SkippedDate> skipped(LocalDate date) {
        return exceptions.stream().filter(s -> s.date().equals(date)).findFirst();
    }

    /** The organiser's fields of the occurrence on {@code date}: the template moved to that evening. */
    public EventDraft occurrenceDraft(LocalDate date) {
        LocalDateTime start = date.atTime(startTime);
        return template.toBuilder().title(template.title() == null ? title : template.title()).slug(null)
                .start(TEMPLATE_DATE.atTime(startTime)).end(TEMPLATE_DATE.atTime(startTime).plus(duration))
                .timeZone(timeZone).build()
                .movedBy(Duration.between(TEMPLATE_DATE.atTime(startTime), start));
    }

    @JsonIgnore
    public boolean isActive() {
        return status == SeriesStatus.ACTIVE;
    }

    public Series withExceptions(List<SkippedDate> next, Instant now) {
        return new Series(id, slug, title, rule, startTime, duration, timeZone, firstDate, horizon, template, next,
                status, version + 1, createdAt, now);
    }

    public Series withStatus(SeriesStatus next, Instant now) {
        return new Series(id, slug, title, rule, startTime, duration, timeZone, firstDate, horizon, template,
                exceptions, next, version + 1, createdAt, now);
    }

    /** A date of the rule with no meetup; {@code reason} (may be null) shows on the series page. */
    public record SkippedDate(LocalDate date, String reason) {
        public SkippedDate {
            Objects.requireNonNull(date, "date");
        }
    }
}
