package io.handbill.store;

import io.handbill.model.Series;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where series and their per-date occurrence claims live, in the events table. */
public interface SeriesStore {

    /** @throws VersionConflictException when a series with this id exists */
    void create(Series series);

    Optional<Series> get(String id);

    /** Every series, ended ones included. */
    List<Series> list();

    /** Replaces the series if its stored version is still {@code next.version() - 1}. */
    void update(Series next);

    /**
     * Claims {@code date} of the series for {@code eventId}, unless someone already did.
     *
     * @return the claim now stored: this one, or the earlier one (whose event id wins)
     */
    OccurrenceClaim claim(String seriesId, LocalDate date, String eventId);

    /** Records that the claimed event exists. */
    void markCreated(OccurrenceClaim claim);

    /** Records that there is no meetup on the claim's date, whatever state it was in. */
    void markSkipped(OccurrenceClaim claim);

    /** The series' claims, earliest date first. */
    List<OccurrenceClaim> claims(String seriesId);
}
