package io.handbill.ical;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * VTIMEZONE components (RFC 5545 §3.6.5) built from java.time's zone rules, the JDK's copy of the IANA database,
 * covering a span of time. When the zone follows yearly rules throughout the span (Europe/London and
 * America/New_York today) each observance is one RRULE, the only form Outlook reads; otherwise each observance lists
 * its onsets as RDATEs. Either way the observances are checked against the zone's real transitions.
 */
final class VTimeZones {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter ABBREVIATION = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final LocalDateTime FIXED_ONSET = LocalDateTime.of(1970, 1, 1, 0, 0);

    private VTimeZones() {
    }

    /** A VTIMEZONE for {@code zone} that gives the right offset at every instant in {@code [from, to]}. */
    static void write(ContentLines out, ZoneId zone, Instant from, Instant to) {
        out.line("BEGIN", "VTIMEZONE");
        out.line("TZID", zone.getId());
        // Thunderbird maps a zone by this name to its own database
        out.line("X-LIC-LOCATION", zone.getId());
        for (Observance observance : yearly(zone, from, to).orElseGet(() -> listed(zone, from, to))) {
            observance.write(out);
        }
        out.line("END", "VTIMEZONE");
    }

    private static Optional<List<Observance>> yearly(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        if (rules.getTransitionRules().isEmpty()) {
            return Optional.empty();
        }
        // a year early, so that the span's first instant comes after an onset of every observance
        int firstYear = from.atZone(zone).getYear() - 1;
        int lastYear = to.atZone(zone).getYear() + 1;
        var observances = new ArrayList<Observance>();
        var expected = new ArrayList<ZoneOffsetTransition>();
        for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
            Optional<YearlyDay> day = YearlyDay.of(rule);
            if (day.isEmpty()) {
                return Optional.empty();
            }
            ZoneOffsetTransition first = rule.createTransition(firstYear);
            for (int year = firstYear; year <= lastYear; year++) {
                LocalDateTime onset = rule.createTransition(year).getDateTimeBefore();
                if (!onset.toLocalDate().equals(day.get().inYear().apply(year))
                        || !onset.toLocalTime().equals(first.getDateTimeBefore().toLocalTime())) {
                    return Optional.empty();
                }
                expected.add(rule.createTransition(year));
            }
            boolean daylight = !rule.getOffsetAfter().equals(rule.getStandardOffset());
            observances.add(new Observance(daylight, first.getDateTimeBefore(), rule.getOffsetBefore(),
                    rule.getOffsetAfter(), name(zone, first.getInstant()), day.get().rrule(), List.of()));
        }
        return followsRules(rules, expected) ? Optional.of(observances) : Optional.empty();
    }

    /** True when the zone's transitions from the first expected one on are exactly the expected ones. */
    private static boolean followsRules(ZoneRules rules, List<ZoneOffsetTransition> expected) {
        expected.sort(Comparator.comparing(ZoneOffsetTransition::getInstant));
        Instant before = expected.get(0).getInstant().minusSeconds(1);
        for (ZoneOffsetTransition transition : expected) {
            if (!transition.equals(rules.nextTransition(before))) {
                return false;
            }
            before = transition.getInstant();
        }
        return true;
    }

    private static List<Observance> listed(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        var observances = new ArrayList<Observance>();
        ZoneOffsetTransition inEffect = rules.previousTransition(from.plusNanos(1));
        var onsets = new ArrayList<ZoneOffsetTransition>();
        if (inEffect == null) {
            ZoneOffset offset = rules.getOffset(from);
            observances.add(new Observance(false, FIXED_ONSET, offset, offset, name(zone, from), null, List.of()));
        } else {
            onsets.add(inEffect);
        }
        for (var t = rules.nextTransition(from); t != null && !t.getInstant().isAfter(to);
             t = rules.nextTransition(t.getInstant())) {
            onsets.add(t);
        }
        var byKind = new LinkedHashMap<Observance, List<LocalDateTime>>();
        for (ZoneOffsetTransition t : onsets) {
            var kind = new Observance(rules.isDaylightSavings(t.getInstant()), null, t.getOffsetBefore(),
                    t.getOffsetAfter(), name(zone, t.getInstant()), null, List.of());
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(t.getDateTimeBefore());
        }
        byKind.forEach((kind, times) -> observances.add(new Observance(kind.daylight(), times.get(0),
                kind.offsetFrom(), kind.offsetTo(), kind.name(), null, times.subList(1, times.size()))));
        return observances;
    }

    private static String name(ZoneId zone, Instant at) {
        return ABBREVIATION.format(at.atZone(zone));
    }

    /** A STANDARD or DAYLIGHT sub-component; {@code onset} and {@code moreOnsets} are local times before each onset. */
    private record Observance(boolean daylight, LocalDateTime onset, ZoneOffset offsetFrom, ZoneOffset offsetTo,
                              String name, String rrule, List<LocalDateTime> moreOnsets) {
        void write(ContentLines out) {
            String kind = daylight ? "DAYLIGHT" : "STANDARD";
            out.line("BEGIN", kind);
            out.line("DTSTART", LOCAL.format(onset));
            if (rrule != null) {
                out.line("RRULE", rrule);
            }
            if (!moreOnsets.isEmpty()) {
                out.line("RDATE", moreOnsets.stream().map(LOCAL::format).collect(Collectors.joining(",")));
            }
            out.line("TZOFFSETFROM", offset(offsetFrom));
            out.line("TZOFFSETTO", offset(offsetTo));
            out.text("TZNAME", name);
            out.line("END", kind);
        }

        private static String offset(ZoneOffset offset) {
            int total = offset.getTotalSeconds();
            int abs = Math.abs(total);
            String hhmm = String.format(Locale.ROOT, "%s%02d%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
            return abs % 60 == 0 ? hhmm : hhmm + String.format(Locale.ROOT, "%02d", abs % 60);
        }
    }

    /** A transition rule's day of the year as an RRULE, for the rule shapes RRULE states simply. */
    private record YearlyDay(String rrule, IntFunction<LocalDate> inYear) {
        static Optional<YearlyDay> of(ZoneOffsetTransitionRule rule) {
            Month month = rule.getMonth();
            int day = rule.getDayOfMonthIndicator();
            DayOfWeek weekday = rule.getDayOfWeek();
            String yearly = "FREQ=YEARLY;BYMONTH=" + month.getValue();
            if (weekday == null) {
                return day > 0 ? Optional.of(new YearlyDay(yearly + ";BYMONTHDAY=" + day,
                        year -> LocalDate.of(year, month, day))) : Optional.empty();
            }
            String byDay = weekday.name().substring(0, 2);
            // the IANA "lastSun" reaches java.time as "Sunday on or after the 25th" for a 31-day month
            boolean lastWeek = day == -1 || (month != Month.FEBRUARY && day == month.maxLength() - 6);
            if (lastWeek) {
                return Optional.of(new YearlyDay(yearly + ";BYDAY=-1" + byDay,
                        year -> LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(weekday))));
            }
            if (day > 0 && day <= 22 && (day - 1) % 7 == 0) {
                int nth = (day - 1) / 7 + 1;
                return Optional.of(new YearlyDay(yearly + ";BYDAY=" + nth + byDay,
                        year -> LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(nth, weekday))));
            }
            return Optional.empty();
        }
    }
}
