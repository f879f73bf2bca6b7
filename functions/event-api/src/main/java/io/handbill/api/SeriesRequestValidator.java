package io.handbill.api;

import io.handbill.model.AgendaItem;
import io.handbill.model.EventDraft;
import io.handbill.model.Series;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.FieldError;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link SeriesRequest} and turns it into the series' settings, reporting every problem at once. The
 * template is checked as the first occurrence it would make, so its errors name {@code template.agenda[0].start}
 * and the like.
 */
final class SeriesRequestValidator {
    static final int DEFAULT_HORIZON = 6;
    static final int MAX_HORIZON = 52;
    static final Duration MAX_DURATION = Duration.ofDays(1);

    /** The checked settings; the template is normalised to {@link Series#TEMPLATE_DATE}. */
    record Settings(String title, String rule, LocalTime startTime, Duration duration, String timeZone,
                    LocalDate firstDate, int horizon, EventDraft template) {
    }

    private SeriesRequestValidator() {
    }

    static Settings validate(SeriesRequest in, Clock clock) {
        var errors = new ArrayList<FieldError>();
        if (in == null) {
            throw new InvalidRequestException(List.of(new FieldError("body", "required", "Send the series as JSON")));
        }
        String title = in.title() == null ? null : in.title().strip();
        if (title == null || title.isEmpty()) {
            errors.add(new FieldError("title", "required", "Give the series a title"));
        } else if (title.length() > EventDraftValidator.MAX_TITLE) {
            errors.add(new FieldError("title", "too_long", "At most " + EventDraftValidator.MAX_TITLE + " characters"));
        }
        ZoneId zone = zone(in.timeZone(), errors);
        LocalTime startTime = parse("startTime", in.startTime(), LocalTime::parse, "Use HH:MM, e.g. 18:30", errors);
        Duration duration = parse("duration", in.duration(), Duration::parse, "Use ISO-8601, e.g. PT3H", errors);
        if (duration != null && (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0)) {
            errors.add(new FieldError("duration", "out_of_range", "Between a minute and a day"));
            duration = null;
        }
        LocalDate firstDate = in.firstDate() == null ? (zone == null ? null : LocalDate.now(clock.withZone(zone)))
                : parse("firstDate", in.firstDate(), LocalDate::parse, "Use YYYY-MM-DD", errors);
        int horizon = in.horizon() == null ? DEFAULT_HORIZON : in.horizon();
        if (horizon < 1 || horizon > MAX_HORIZON) {
            errors.add(new FieldError("horizon", "out_of_range", "From 1 to " + MAX_HORIZON + " occurrences ahead"));
        }
        String rule = in.rule() == null ? null : in.rule().strip();
        SeriesSchedule.check(rule, firstDate == null ? LocalDate.now(clock) : firstDate).ifPresent(errors::add);
        EventDraft template = null;
        if (in.template() == null) {
            errors.add(new FieldError("template", "required", "Give the fields every occurrence starts with"));
        } else if (startTime != null && duration != null && zone != null) {
            template = template(in.template(), startTime, duration, errors);
            if (template != null && errors.isEmpty()) {
                var settings = new Settings(title, rule, startTime, duration, zone.getId(), firstDate, horizon,
                        template);
                LocalDate first = SeriesSchedule.of(rule, firstDate).dates(firstDate, 1).get(0);
                EventDraftValidator.validate(sample(settings).occurrenceDraft(first)).forEach(e -> errors.add(
                        new FieldError("template." + e.field(), e.code(), e.message())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Settings(title, rule, startTime, duration, zone.getId(), firstDate, horizon, template);
    }

    /**
     * The shared part of the given draft, moved to {@link Series#TEMPLATE_DATE}: talks, speakers, description,
     * slug and aliases belong to each occurrence, so they are dropped (and agenda slots lose their talk).
     */
    private static EventDraft template(EventDraft given, LocalTime startTime, Duration duration,
                                       List<FieldError> errors) {
        LocalDateTime anchor = Series.TEMPLATE_DATE.atTime(startTime);
        if (given.start() == null && !given.agenda().isEmpty()) {
            errors.add(new FieldError("template.start", "required",
                    "The agenda's times are relative to the template's start: send it too"));
            return null;
        }
        List<AgendaItem> agenda = given.agenda().stream()
                .map(a -> new AgendaItem(a.start(), a.end(), a.title(), a.kind(), null)).toList();
        LocalDateTime from = given.start() == null ? anchor : given.start();
        if (agenda.stream().anyMatch(a -> a.start() == null)) {
            errors.add(new FieldError("template.agenda", "required", "Every agenda slot needs a start"));
            return null;
        }
        return given.toBuilder().slug(null).aliases(null).talks(null).speakers(null).description(null)
                .imported(null).start(from).end(from.plus(duration)).agenda(agenda).build()
                .movedBy(Duration.between(from, anchor));
    }

    private static Series sample(Settings s) {
        return new Series("check", "check", s.title(), s.rule(), s.startTime(), s.duration(), s.timeZone(),
                s.firstDate(), s.horizon(), s.template(), null, io.handbill.model.SeriesStatus.ACTIVE, 1, null, null);
    }

    private static ZoneId zone(String id, List<FieldError> errors) {
        if (id == null || id.isBlank()) {
            errors.add(new FieldError("timeZone", "required", "Give an IANA zone such as Europe/London"));
            return null;
        }
        try {
            if (!id.contains("/") && !id.equals("UTC")) {
                throw new DateTimeException("not a region");
            }
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "invalid", "Give an IANA zone such as Europe/London"));
            return null;
        }
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(String field, String text, Parser<T> parser, String hint, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError(field, "required", hint));
            return null;
        }
        try {
            return parser.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "invalid_format", hint));
            return null;
        }
    }
}
