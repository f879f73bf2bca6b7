package io.handbill.api;

import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.model.Series;
import io.handbill.model.SeriesStamp;
import io.handbill.model.SeriesStatus;
import io.handbill.model.Slugs;
import io.handbill.store.EventStore;
import io.handbill.store.OccurrenceClaim;
import io.handbill.store.SeriesNotFoundException;
import io.handbill.store.SeriesStore;
import io.handbill.store.VersionConflictException;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The organiser's operations on recurring series. Occurrences are ordinary events; this class keeps them in step
 * with their series: made up to the horizon ({@link OccurrenceGenerator}), updated from an edited template where
 * the organiser did not change them, removed or cancelled when their date is skipped.
 */
final class SeriesService {
    private static final Logger log = LoggerFactory.getLogger(SeriesService.class);
    private static final int ATTEMPTS = 3;
    static final String DEFAULT_SKIP_REASON = "No meetup this time";

    /** A series with its occurrences, earliest first. */
    record SeriesView(Series series, List<Occurrence> occurrences) {
    }

    /** An occurrence as the series lists it; {@code start} is local to the series' zone. */
    record Occurrence(String id, String slug, LocalDate date, LocalDateTime start, EventStatus status) {
    }

    private final SeriesStore store;
    private final EventStore events;
    private final EventService eventService;
    private final OccurrenceGenerator generator;
    private final Clock clock;

    SeriesService(SeriesStore store, EventStore events, EventService eventService, Clock clock) {
        this.store = store;
        this.events = events;
        this.eventService = eventService;
        this.generator = new OccurrenceGenerator(store, events, eventService, clock);
        this.clock = clock;
    }

    /** Stores the series and makes its occurrences up to the horizon at once. */
    SeriesView create(SeriesRequest request) {
        var s = SeriesRequestValidator.validate(request, clock);
        Instant now = clock.instant();
        var series = new Series(UUID.randomUUID().toString(), freeSlug(s.title()), s.title(), s.rule(),
                s.startTime(), s.duration(), s.timeZone(), s.firstDate(), s.horizon(), s.template(), List.of(),
                SeriesStatus.ACTIVE, 1, now, now);
        store.create(series);
        generator.generate(series);
        return view(series.id());
    }

    List<Series> list() {
        return store.list();
    }

    Series get(String id) {
        return store.get(id).orElseThrow(() -> new SeriesNotFoundException(id));
    }

    SeriesView view(String id) {
        Series series = get(id);
        var occurrences = new ArrayList<Occurrence>();
        for (OccurrenceClaim claim : store.claims(id)) {
            events.get(claim.eventId()).ifPresent(e -> occurrences.add(
                    new Occurrence(e.id(), e.slug(), claim.date(), e.start(), e.status())));
        }
        return new SeriesView(series, occurrences);
    }

    /**
     * Changes the series; a changed template reaches future draft occurrences (and published ones with
     * {@code applyToPublished}) in the fields the organiser left as the template gave them. Rule, time and zone
     * changes apply to occurrences made from now on.
     */
    SeriesView update(String id, SeriesRequest request, IfMatch ifMatch) {
        var s = SeriesRequestValidator.validate(request, clock);
        Series current = get(id);
        if (ifMatch.isConditional() && !ifMatch.matchesVersion(current.version())) {
            throw new VersionConflictException(id);
        }
        Instant now = clock.instant();
        Series next = new Series(id, current.slug(), s.title(), s.rule(), s.startTime(), s.duration(),
                s.timeZone(), s.firstDate(), s.horizon(), s.template(), current.exceptions(), current.status(),
                current.version() + 1, current.createdAt(), now);
        store.update(next);
        boolean toPublished = Boolean.TRUE.equals(request.applyToPublished());
        for (OccurrenceClaim claim : store.claims(id)) {
            if (claim.state() != OccurrenceClaim.State.SKIPPED) {
                events.get(claim.eventId()).ifPresent(e -> applyTemplate(next, e, toPublished, now));
            }
        }
        generator.generate(next);
        return view(id);
    }

    /** There is no meetup on {@code date}: its draft goes, a published occurrence is cancelled with the reason. */
    SeriesView skip(String id, SkipRequest request) {
        Series series = get(id);
        LocalDate date = skipDate(series, request);
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (reason != null && reason.length() > EventService.MAX_REASON) {
            throw invalid("reason", "too_long", "At most " + EventService.MAX_REASON + " characters");
        }
        if (series.skipped(date).isEmpty()) {
            change(id, s -> {
                var skipped = new ArrayList<>(s.exceptions());
                skipped.add(new Series.SkippedDate(date, reason));
                skipped.sort((a, b) -> a.date().compareTo(b.date()));
                return s.withExceptions(skipped, clock.instant());
            });
        }
        // also when already skipped: finishes a skip that crashed before these steps
        OccurrenceClaim claim = store.claim(id, date, OccurrenceGenerator.occurrenceId(id, date));
        store.markSkipped(claim);
        events.get(claim.eventId()).ifPresent(e -> {
            if (e.status() == EventStatus.DRAFT) {
                events.delete(e.id(), e.version());
            } else if (e.status() == EventStatus.PUBLISHED) {
                eventService.cancel(e.id(), new CancelRequest(reason == null ? DEFAULT_SKIP_REASON : reason),
                        IfMatch.NONE);
            }
        });
        return view(id);
    }

    /** Ends the series: no more occurrences, future drafts deleted; published and past occurrences stay. */
    void end(String id) {
        if (get(id).isActive()) {
            change(id, s -> s.withStatus(SeriesStatus.ENDED, clock.instant()));
        }
        Instant now = clock.instant();
        for (OccurrenceClaim claim : store.claims(id)) {
            events.get(claim.eventId())
                    .filter(e -> e.status() == EventStatus.DRAFT && e.startsAt().isAfter(now))
                    .ifPresent(e -> events.delete(e.id(), e.version()));
        }
    }

    /** The daily refresh: every active series made up to its horizon. */
    int refreshAll() {
        int created = 0;
        for (Series series : store.list()) {
            created += generator.generate(series);
        }
        log.atInfo().addKeyValue("created", created).log("series refreshed");
        return created;
    }

    private void applyTemplate(Series series, Event event, boolean toPublished, Instant now) {
        SeriesStamp stamp = event.seriesStamp();
        boolean editable = event.status() == EventStatus.DRAFT || toPublished && event.status() == EventStatus.PUBLISHED;
        if (stamp == null || !editable || !event.startsAt().isAfter(now)) {
            return;
        }
        var applied = new HashMap<>(stamp.applied());
        EventDraft next = TemplateFields.apply(event.draft(), series.occurrenceDraft(stamp.date()), applied);
        if (next.equals(event.draft())) {
            return;
        }
        if (!EventDraftValidator.validate(next).isEmpty()) {
            // e.g. the organiser shortened this evening and the new agenda no longer fits: leave it to them
            log.atWarn().addKeyValue("eventId", event.id()).log("template change does not fit the occurrence");
            return;
        }
        Event edited = event.edit(next, now).toBuilder().seriesStamp(new SeriesStamp(stamp.date(), applied)).build();
        events.update(edited);
        if (edited.status().isPublic()) {
            events.bumpSiteVersion(now);
        }
    }

    private void change(String id, UnaryOperator<Series> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.update(change.apply(get(id)));
                return;
            } catch (VersionConflictException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static LocalDate skipDate(Series series, SkipRequest request) {
        if (request == null || request.date() == null || request.date().isBlank()) {
            throw invalid("date", "required", "Give the date to skip, YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(request.date().strip());
        } catch (DateTimeParseException e) {
            throw invalid("date", "invalid_format", "Use YYYY-MM-DD");
        }
        if (!SeriesSchedule.of(series.rule(), series.firstDate()).isDate(date)) {
            throw invalid("date", "not_in_series", "The series has no meetup on " + date);
        }
        return date;
    }

    private String freeSlug(String title) {
        String words = Slugs.words(title);
        String base = words.isEmpty() ? "series" : words.substring(0, Math.min(words.length(), 60)).replaceAll("-$", "");
        var taken = store.list().stream().map(Series::slug).toList();
        for (int n = 1; ; n++) {
            String slug = n == 1 ? base : Slugs.numbered(base, n);
            if (!taken.contains(slug)) {
                return slug;
            }
        }
    }

    private static InvalidRequestException invalid(String field, String code, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, code, message)));
    }
}
