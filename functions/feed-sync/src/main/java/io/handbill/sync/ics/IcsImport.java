package io.handbill.sync.ics;

import io.handbill.imports.ImportedEvent;
import io.handbill.model.Event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** An iCalendar feed (Meetup, Luma, Eventbrite, any calendar app) read as the events an import brings in. */
public final class IcsImport {
    /** Recurring series are expanded this far back and ahead unless the caller says otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(365);

    /**
     * @param zone zone of floating times and of times in a TZID nobody knows, unless the feed names one
     *             (X-WR-TIMEZONE)
     * @param from start of the window recurring series are expanded in
     * @param to   its end (exclusive)
     */
    public record Options(ZoneId zone, Instant from, Instant to) {
        public Options {
            Objects.requireNonNull(zone, "zone");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("the window ends before it starts");
            }
        }

        public static Options around(Clock clock, ZoneId zone) {
            Instant now = clock.instant();
            return new Options(zone, now.minus(DEFAULT_WINDOW), now.plus(DEFAULT_WINDOW));
        }
    }

    /**
     * @param origin   the file or URL, for messages
     * @param warnings each naming the UID and line
     */
    public record Feed(String origin, String calendarName, List<ImportedEvent> events, List<FeedWarning> warnings,
                       Options options) {
        public Feed {
            events = List.copyOf(events);
            warnings = List.copyOf(warnings);
        }

        /**
         * Whether an event imported earlier came from this feed, so that its absence means it vanished: it has a
         * UID of the same platform (the part after {@code @}) and, if it is one occurrence of a series still in the
         * feed, it falls inside the window (outside it, the occurrence was not expected).
         */
        public boolean accountsFor(Event event) {
            if (event.imported() == null || event.imported().sourceUid().startsWith("hugo:")) {
                return false;
            }
            String uid = event.imported().sourceUid();
            Set<String> domains = events.stream().map(e -> domain(e.sourceUid())).collect(Collectors.toSet());
            Set<String> series = events.stream().map(e -> series(e.sourceUid())).collect(Collectors.toSet());
            if (!domains.contains(domain(uid))) {
                return false;
            }
            return !series.contains(series(uid)) || !event.startsAt().isBefore(options.from())
                    && event.startsAt().isBefore(options.to());
        }

        private static String series(String uid) {
            int hash = uid.lastIndexOf('#');
            return hash < 0 ? uid : uid.substring(0, hash);
        }

        private static String domain(String uid) {
            String series = series(uid);
            int at = series.lastIndexOf('@');
            return at < 0 ? "" : series.substring(at + 1);
        }
    }

    private IcsImport() {
    }

    /** @throws NotICalendarException when the text is not iCalendar at all; nothing is read from it then */
    public static Feed read(String text, String origin, Options options) throws NotICalendarException {
        IcsReader.Result result = new IcsReader(options.zone(), options.from(), options.to()).read(text);
        List<FeedWarning> warnings = new ArrayList<>(result.warnings());
        EventMapping mapping = new EventMapping(origin, warnings);
        List<ImportedEvent> events = new ArrayList<>();
        for (IcsEvent event : result.events()) {
            mapping.map(event).ifPresent(events::add);
        }
        return new Feed(origin, result.calendarName(), events, warnings, options);
    }
}
