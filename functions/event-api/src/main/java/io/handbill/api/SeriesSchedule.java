package io.handbill.api;

import io.handbill.validation.FieldError;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The dates of a series' RRULE, by ical4j's {@link Recur}. Dates only: each occurrence starts at the series' local
 * start time on its date, so the UTC offset of the day (daylight saving) never shifts it.
 */
final class SeriesSchedule {
    /** Far enough that every rule with a date at all shows one (a 29 February needs up to 8 years). */
    static final int LOOK_AHEAD_YEARS = 12;
    private static final Set<Frequency> WHOLE_DAYS = EnumSet.of(Frequency.DAILY, Frequency.WEEKLY,
            Frequency.MONTHLY, Frequency.YEARLY);

    private final Recur<LocalDate> recur;
    private final LocalDate firstDate;

    private SeriesSchedule(Recur<LocalDate> recur, LocalDate firstDate) {
        this.recur = recur;
        this.firstDate = firstDate;
    }

    /** The rule's problem for the {@code rule} field, or empty when it is a valid rule with at least one date. */
    static Optional<FieldError> check(String rule, LocalDate firstDate) {
        if (rule == null || rule.isBlank()) {
            return Optional.of(new FieldError("rule", "required", "Give an RRULE such as FREQ=MONTHLY;BYDAY=2TU"));
        }
        Recur<LocalDate> recur;
        try {
            recur = new Recur<>(rule.strip());
        } catch (RuntimeException e) {
            return Optional.of(new FieldError("rule", "invalid", "Not an RFC 5545 RRULE, e.g. FREQ=MONTHLY;BYDAY=2TU"));
        }
        if (!WHOLE_DAYS.contains(recur.getFrequency()) || !recur.getHourList().isEmpty()
                || !recur.getMinuteList().isEmpty() || !recur.getSecondList().isEmpty()) {
            return Optional.of(new FieldError("rule", "not_daily",
                    "Meetups repeat by day: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY without BYHOUR, BYMINUTE or BYSECOND"));
        }
        try {
            if (new SeriesSchedule(recur, firstDate).dates(firstDate, 1).isEmpty()) {
                return Optional.of(new FieldError("rule", "no_occurrences", "This rule has no date on or after "
                        + firstDate + " within " + LOOK_AHEAD_YEARS + " years"));
            }
        } catch (RuntimeException e) {
            return Optional.of(new FieldError("rule", "invalid", "This rule cannot be expanded; check UNTIL and BY parts"));
        }
        return Optional.empty();
    }

    /** A rule that {@link #check} accepted. */
    static SeriesSchedule of(String rule, LocalDate firstDate) {
        return new SeriesSchedule(new Recur<>(rule.strip()), firstDate);
    }

    /** The first {@code count} dates of the rule on or after {@code from}. */
    List<LocalDate> dates(LocalDate from, int count) {
        LocalDate start = from.isBefore(firstDate) ? firstDate : from;
        return recur.getDates(firstDate, start, start.plusYears(LOOK_AHEAD_YEARS), count);
    }

    boolean isDate(LocalDate date) {
        return !date.isBefore(firstDate) && dates(date, 1).equals(List.of(date));
    }
}
