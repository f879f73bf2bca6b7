package io.handbill.api;

import io.handbill.model.EventDraft;
import io.handbill.model.Series;
import io.handbill.model.SeriesStamp;
import io.handbill.store.EventStore;
import io.handbill.store.OccurrenceClaim;
import io.handbill.store.SeriesStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Makes a series' occurrences up to its horizon as drafts, exactly once per date however often, concurrently or
 * after a crash it runs: a conditional claim per (series, date) names the event id; the event is created under
 * that id (a conditional write too), then the claim is marked created, so a draft the organiser deletes later is
 * not made again.
 */
record OccurrenceGenerator(SeriesStore series, EventStore events, EventService eventService, Clock clock) {
    /** @return how many occurrences this call created */
    int generate(Series s) {
        if (!s.isActive()) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(s.timeZone())));
        int created = 0;
        for (LocalDate date : SeriesSchedule.of(s.rule(), s.firstDate()).dates(today, s.horizon())) {
            if (s.skipped(date).isEmpty() && ensure(s, date)) {
                created++;
            }
        }
        return created;
    }

    /** The same id for the same series and date on every run, so that retries meet their own earlier writes. */
    static String occurrenceId(String seriesId, LocalDate date) {
        return UUID.nameUUIDFromBytes((seriesId + "/" + date).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private boolean ensure(Series s, LocalDate date) {
        OccurrenceClaim claim = series.claim(s.id(), date, occurrenceId(s.id(), date));
        if (claim.state() != OccurrenceClaim.State.CLAIMED) {
            return false;
        }
        boolean existed = events.get(claim.eventId()).isPresent();
        if (!existed) {
            EventDraft draft = s.occurrenceDraft(date);
            eventService.createOccurrence(claim.eventId(), draft, s.id(),
                    new SeriesStamp(date, TemplateFields.stamp(draft)));
        }
        series.markCreated(claim);
        return !existed;
    }
}
