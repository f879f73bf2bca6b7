package io.handbill.local.importer.post;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day of the event, as the post's title or text states it ("Tuesday 26th September 2017", "26 Sept", "September
 * 26th, 2017") — never the post's publish date, which is usually weeks earlier. The title is read first. A date
 * without a year is the first such day on or after the publish date, less a week's grace (posts announce events).
 */
final class EventDateFinder {
    private static final String WEEKDAY = "(?:(?<weekday>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\\s+)?";
    private static final String MONTH = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(?<day>\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:,?\\s+(?<year>\\d{4}))?";
    private static final Pattern DAY_FIRST = Pattern.compile("\\b" + WEEKDAY + DAY + "(?:\\s+of)?\\s+" + MONTH + "\\b"
            + YEAR, Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_FIRST = Pattern.compile("\\b" + WEEKDAY + MONTH + "\\s+" + DAY + "\\b" + YEAR,
            Pattern.CASE_INSENSITIVE);
    private static final int GRACE_DAYS = 7;

    /** @param weekdayMismatch the post named a weekday that this date is not, so the date may be wrong */
    record FoundDate(LocalDate date, boolean weekdayMismatch, boolean yearAssumed) {
    }

    private EventDateFinder() {
    }

    static Optional<FoundDate> find(String title, String text, LocalDate published) {
        return in(title, published).or(() -> in(text, published));
    }

    private static Optional<FoundDate> in(String text, LocalDate published) {
        Matcher dayFirst = DAY_FIRST.matcher(text);
        Matcher monthFirst = MONTH_FIRST.matcher(text);
        boolean hasDayFirst = dayFirst.find();
        boolean hasMonthFirst = monthFirst.find();
        if (!hasDayFirst && !hasMonthFirst) {
            return Optional.empty();
        }
        Matcher m = !hasMonthFirst || hasDayFirst && dayFirst.start() <= monthFirst.start() ? dayFirst : monthFirst;
        return date(m, published);
    }

    private static Optional<FoundDate> date(Matcher m, LocalDate published) {
        Month month = month(m.group("month"));
        int day = Integer.parseInt(m.group("day"));
        try {
            LocalDate date;
            boolean yearAssumed = m.group("year") == null;
            if (!yearAssumed) {
                date = LocalDate.of(Integer.parseInt(m.group("year")), month, day);
            } else {
                LocalDate from = (published == null ? LocalDate.now() : published).minusDays(GRACE_DAYS);
                date = LocalDate.of(from.getYear(), month, day);
                if (date.isBefore(from)) {
                    date = date.plusYears(1);
                }
            }
            String weekday = m.group("weekday");
            boolean mismatch = weekday != null && !date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT).startsWith(weekday.toLowerCase(Locale.ROOT));
            return Optional.of(new FoundDate(date, mismatch, yearAssumed));
        } catch (DateTimeException e) {
            return Optional.empty(); // 31st September: not a date
        }
    }

    private static Month month(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(p)) {
                return month;
            }
        }
        throw new IllegalArgumentException(prefix);
    }
}
