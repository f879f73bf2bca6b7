package io.handbill.sync.ics;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.util.CompatibilityHints;

import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an iCalendar feed with ical4j into {@link IcsEvent}s: times resolved to zones (IANA, Windows names, a
 * VTIMEZONE of the feed's own, or the feed's or the caller's zone for floating times), each recurring series
 * expanded to its occurrences inside the window with RECURRENCE-ID overrides in place of the occurrences they
 * replace and EXDATEs left out. Whatever it cannot take as it stands is a warning naming the UID and line.
 */
final class IcsReader {
    /** A runaway RRULE (FREQ=MINUTELY, no end) must not make thousands of events. */
    static final int MAX_OCCURRENCES = 200;
    private static final Duration DEFAULT_LENGTH = Duration.ofHours(2);
    private static final DateTimeFormatter BASIC_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC_KEY = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    static {
        // real feeds: LF endings, folds without the space, unknown properties, Outlook's quirks
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
    }

    record Result(String calendarName, List<IcsEvent> events, List<FeedWarning> warnings) {
    }

    private record Indexed(VEvent event, int index, String uid) {
    }

    private final ZoneId fallbackZone;
    private final Instant from;
    private final Instant to;
    private final List<FeedWarning> warnings = new ArrayList<>();
    private SourceLines lines;
    private ZoneId feedZone;
    private Map<String, VTimeZone> timeZones;

    IcsReader(ZoneId fallbackZone, Instant from, Instant to) {
        this.fallbackZone = fallbackZone;
        this.from = from;
        this.to = to;
    }

    Result read(String text) throws NotICalendarException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(body));
        } catch (ParserException e) {
            throw new NotICalendarException("not an iCalendar file (line " + e.getLineNo() + ": "
                    + firstLine(e.getMessage()) + ")");
        } catch (IOException | RuntimeException e) {
            throw new NotICalendarException("not an iCalendar file (" + firstLine(String.valueOf(e.getMessage())) + ")");
        }
        lines = new SourceLines(body);
        String name = calendar.getProperty("X-WR-CALNAME").map(Property::getValue).orElse(null);
        String zoneName = calendar.getProperty("X-WR-TIMEZONE").map(Property::getValue).orElse(null);
        feedZone = ZoneNames.resolve(zoneName).orElse(fallbackZone);
        timeZones = new LinkedHashMap<>();
        for (VTimeZone zone : calendar.<VTimeZone>getComponents(Component.VTIMEZONE)) {
            zone.getProperty(Property.TZID).ifPresent(id -> timeZones.put(id.getValue(), zone));
        }
        Map<String, List<Indexed>> byUid = new LinkedHashMap<>();
        List<VEvent> vevents = calendar.getComponents(Component.VEVENT);
        for (int i = 0; i < vevents.size(); i++) {
            VEvent vevent = vevents.get(i);
            Optional<String> uid = vevent.getProperty(Property.UID).map(Property::getValue)
                    .filter(u -> !u.isBlank());
            if (uid.isEmpty()) {
                warn(null, lines.event(i), "VEVENT without a UID: skipped (it could not be matched when importing again)");
                continue;
            }
            byUid.computeIfAbsent(uid.get().strip(), u -> new ArrayList<>()).add(new Indexed(vevent, i, uid.get().strip()));
        }
        List<IcsEvent> events = new ArrayList<>();
        byUid.values().forEach(series -> series(series, events));
        return new Result(name, events, List.copyOf(warnings));
    }

    private void series(List<Indexed> series, List<IcsEvent> out) {
        Indexed master = series.stream().filter(e -> e.event().getProperty(Property.RECURRENCE_ID).isEmpty())
                .findFirst().orElse(null);
        Map<Instant, Indexed> overrides = new LinkedHashMap<>();
        for (Indexed e : series) {
            if (e == master) {
                continue;
            }
            if (e.event().getProperty(Property.RECURRENCE_ID).isEmpty()) {
                warn(e.uid(), lines.event(e.index()), "a second VEVENT with this UID and no RECURRENCE-ID: skipped");
                continue;
            }
            time(e, Property.RECURRENCE_ID).ifPresent(t -> overrides.put(t.toInstant(), e));
        }
        Optional<Property> rrule = master == null ? Optional.empty() : master.event().getProperty(Property.RRULE);
        if (master != null && rrule.isEmpty()) {
            event(master, master.uid(), null).ifPresent(out::add);
        }
        if (master != null && rrule.isPresent()) {
            occurrences(master, rrule.get(), overrides, out);
        }
        // overrides whose occurrence the window or the rule did not produce (or whose master is not in the feed)
        overrides.forEach((original, e) -> {
            String key = e.uid() + "#" + UTC_KEY.format(original);
            if (out.stream().noneMatch(o -> o.key().equals(key))) {
                event(e, key, null).filter(this::inWindow).ifPresent(out::add);
            }
        });
    }

    private void occurrences(Indexed master, Property rrule, Map<Instant, Indexed> overrides, List<IcsEvent> out) {
        Optional<IcsEvent> first = event(master, master.uid(), null);
        if (first.isEmpty()) {
            return;
        }
        ZonedDateTime seed = first.get().start();
        Duration length = Duration.between(seed, first.get().end());
        List<ZonedDateTime> starts;
        try {
            Recur<ZonedDateTime> recur = new Recur<>(rrule.getValue());
            starts = recur.getDates(seed, from.atZone(seed.getZone()), to.atZone(seed.getZone()), MAX_OCCURRENCES + 1);
        } catch (IllegalArgumentException | DateTimeException e) {
            warn(master.uid(), lines.property(master.index(), Property.RRULE), "RRULE " + rrule.getValue()
                    + " cannot be read (" + e.getMessage() + "): only the first occurrence is imported");
            out.add(first.get());
            return;
        }
        if (starts.size() > MAX_OCCURRENCES) {
            warn(master.uid(), lines.property(master.index(), Property.RRULE), "more than " + MAX_OCCURRENCES
                    + " occurrences between --from and --to: only the first " + MAX_OCCURRENCES + " are imported");
            starts = starts.subList(0, MAX_OCCURRENCES);
        }
        Set<Instant> excluded = excluded(master);
        if (master.event().getProperty(Property.RDATE).isPresent()) {
            warn(master.uid(), lines.property(master.index(), Property.RDATE), "RDATE (extra dates) is not imported");
        }
        for (ZonedDateTime start : starts) {
            Instant original = start.toInstant();
            if (excluded.contains(original)) {
                continue;
            }
            String key = master.uid() + "#" + UTC_KEY.format(original);
            Indexed override = overrides.get(original);
            if (override != null) {
                event(override, key, null).ifPresent(out::add);
            } else {
                event(master, key, start).map(e -> new IcsEvent(e.key(), e.line(), start, start.plus(length),
                        e.summary(), e.description(), e.html(), e.location(), e.latitude(), e.longitude(), e.url(),
                        e.categories(), e.cancelled())).ifPresent(out::add);
            }
        }
    }

    private Set<Instant> excluded(Indexed master) {
        Set<Instant> excluded = new HashSet<>();
        for (SourceLines.ContentLine exdate : lines.all(master.index(), Property.EXDATE)) {
            for (String value : exdate.value().split(",")) {
                parse(value.strip(), exdate.parameter(Parameter.TZID), master, Property.EXDATE)
                        .ifPresent(t -> excluded.add(t.toInstant()));
            }
        }
        return excluded;
    }

    private boolean inWindow(IcsEvent e) {
        return !e.start().toInstant().isBefore(from) && e.start().toInstant().isBefore(to);
    }

    /** @param occurrence the start of a generated occurrence, or {@code null} to use the VEVENT's own DTSTART */
    private Optional<IcsEvent> event(Indexed e, String key, ZonedDateTime occurrence) {
        VEvent v = e.event();
        Optional<SourceLines.ContentLine> dtstart = lines.first(e.index(), Property.DTSTART);
        if (dtstart.isEmpty()) {
            warn(key, lines.event(e.index()), "VEVENT without DTSTART: skipped");
            return Optional.empty();
        }
        Optional<ZonedDateTime> start = occurrence != null ? Optional.of(occurrence) : time(e, Property.DTSTART);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        boolean allDay = dtstart.get().value().strip().length() == 8;
        ZonedDateTime end = end(e, key, start.get(), allDay);
        String summary = text(v, Property.SUMMARY);
        String altHtml = v.getProperties("X-ALT-DESC").stream()
                .filter(p -> p.getParameter(Parameter.FMTTYPE).map(f -> f.getValue().equalsIgnoreCase("text/html"))
                        .orElse(false))
                .map(Property::getValue).findFirst().orElse(null);
        String description = altHtml != null ? altHtml : text(v, Property.DESCRIPTION);
        boolean html = altHtml != null || looksLikeHtml(description);
        Double latitude = null;
        Double longitude = null;
        Optional<Geo> geo = v.getProperty(Property.GEO);
        if (geo.isPresent()) {
            try {
                latitude = geo.get().getLatitude().doubleValue();
                longitude = geo.get().getLongitude().doubleValue();
            } catch (RuntimeException ex) {
                warn(key, lines.property(e.index(), Property.GEO), "GEO " + geo.get().getValue() + " is not "
                        + "latitude;longitude: left out");
            }
        }
        List<String> categories = new ArrayList<>();
        for (Property p : v.getProperties(Property.CATEGORIES)) {
            if (p instanceof Categories c) {
                categories.addAll(c.getCategories().getTexts());
            }
        }
        boolean cancelled = v.getProperty(Property.STATUS).map(s -> s.getValue().equalsIgnoreCase("CANCELLED"))
                .orElse(false);
        return Optional.of(new IcsEvent(key, lines.event(e.index()), start.get(), end, summary, description, html,
                text(v, Property.LOCATION), latitude, longitude, text(v, Property.URL), categories, cancelled));
    }

    private ZonedDateTime end(Indexed e, String key, ZonedDateTime start, boolean allDay) {
        VEvent v = e.event();
        if (lines.first(e.index(), Property.DTEND).isPresent()) {
            Optional<ZonedDateTime> end = time(e, Property.DTEND);
            if (end.isPresent() && end.get().isAfter(start)) {
                return end.get();
            }
            if (end.isPresent()) {
                warn(key, lines.property(e.index(), Property.DTEND), "DTEND is not after DTSTART: taken as "
                        + (allDay ? "one day" : "two hours") + " long");
            }
        } else if (v.getProperty(Property.DURATION).isPresent()) {
            Property duration = v.getProperty(Property.DURATION).get();
            try {
                TemporalAmount amount = ((net.fortuna.ical4j.model.property.Duration) duration).getDuration();
                ZonedDateTime end = start.plus(amount);
                if (end.isAfter(start)) {
                    return end;
                }
            } catch (RuntimeException ex) {
                // falls through to the default length, with the warning below
            }
            warn(key, lines.property(e.index(), Property.DURATION), "DURATION " + duration.getValue()
                    + " is not a positive length: taken as " + (allDay ? "one day" : "two hours"));
        } else if (!allDay) {
            warn(key, lines.property(e.index(), Property.DTSTART), "no DTEND or DURATION: taken as two hours long");
        }
        return allDay ? start.plusDays(1) : start.plus(DEFAULT_LENGTH);
    }

    private Optional<ZonedDateTime> time(Indexed e, String name) {
        SourceLines.ContentLine line = lines.first(e.index(), name).orElseThrow();
        return parse(line.value().strip(), line.parameter(Parameter.TZID), e, name);
    }

    private Optional<ZonedDateTime> parse(String value, Optional<String> tzid, Indexed e, String name) {
        LocalDateTime local;
        boolean utc = value.endsWith("Z") || value.endsWith("z");
        try {
            local = value.length() == 8 ? LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay()
                    : LocalDateTime.parse(utc ? value.substring(0, value.length() - 1) : value, BASIC_TIME);
        } catch (DateTimeException ex) {
            warn(e.uid(), lines.property(e.index(), name), name + " " + value + " is not an iCalendar date-time: "
                    + "event skipped");
            return Optional.empty();
        }
        if (utc) {
            return Optional.of(local.atOffset(ZoneOffset.UTC).atZoneSameInstant(feedZone));
        }
        if (tzid.isEmpty()) {
            return Optional.of(local.atZone(feedZone));
        }
        Optional<ZoneId> zone = ZoneNames.resolve(tzid.get());
        if (zone.isPresent()) {
            return Optional.of(local.atZone(zone.get()));
        }
        VTimeZone own = timeZones.get(tzid.get());
        if (own != null) {
            var calendar = new GregorianCalendar(new net.fortuna.ical4j.model.TimeZone(own), Locale.ROOT);
            calendar.clear();
            calendar.set(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth(), local.getHour(),
                    local.getMinute(), local.getSecond());
            warn(e.uid(), lines.property(e.index(), name), "TZID " + tzid.get() + " is not a zone name we know: "
                    + "the time is read with the feed's VTIMEZONE and shown in " + feedZone);
            return Optional.of(Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(feedZone));
        }
        warn(e.uid(), lines.property(e.index(), name), "TZID " + tzid.get() + " is not a zone name we know and the "
                + "feed has no VTIMEZONE for it: read as " + feedZone + " time");
        return Optional.of(local.atZone(feedZone));
    }

    private static String text(VEvent v, String name) {
        return v.getProperty(name).map(Property::getValue).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static boolean looksLikeHtml(String text) {
        return text != null && text.matches("(?s).*<(p|br|a|b|i|em|strong|ul|ol|li|div|span|h[1-6])(\\s[^>]*)?/?>.*");
    }

    private void warn(String uid, int line, String message) {
        warnings.add(new FeedWarning(uid, line, message));
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
