package io.handbill.store;

import io.handbill.model.Series;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SeriesStore} in memory, with the same conditional semantics as the DynamoDB one. */
public class InMemorySeriesStore implements SeriesStore {
    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final Map<String, OccurrenceClaim> claims = new ConcurrentHashMap<>();

    @Override
    public void create(Series s) {
        if (series.putIfAbsent(s.id(), s) != null) {
            throw new VersionConflictException(s.id());
        }
    }

    @Override
    public Optional<Series> get(String id) {
        return Optional.ofNullable(series.get(id));
    }

    @Override
    public List<Series> list() {
        return List.copyOf(series.values());
    }

    @Override
    public synchronized void update(Series next) {
        Series current = series.get(next.id());
        if (current == null || current.version() != next.version() - 1) {
            throw new VersionConflictException(next.id());
        }
        series.put(next.id(), next);
    }

    @Override
    public OccurrenceClaim claim(String seriesId, LocalDate date, String eventId) {
        return claims.computeIfAbsent(seriesId + "/" + date,
                k -> new OccurrenceClaim(seriesId, date, eventId, OccurrenceClaim.State.CLAIMED));
    }

    @Override
    public void markCreated(OccurrenceClaim claim) {
        claims.computeIfPresent(claim.seriesId() + "/" + claim.date(), (k, c) -> c.state() == OccurrenceClaim.State.CLAIMED
                ? new OccurrenceClaim(c.seriesId(), c.date(), c.eventId(), OccurrenceClaim.State.CREATED) : c);
    }

    @Override
    public void markSkipped(OccurrenceClaim claim) {
        claims.put(claim.seriesId() + "/" + claim.date(),
                new OccurrenceClaim(claim.seriesId(), claim.date(), claim.eventId(), OccurrenceClaim.State.SKIPPED));
    }

    @Override
    public List<OccurrenceClaim> claims(String seriesId) {
        return claims.values().stream().filter(c -> c.seriesId().equals(seriesId))
                .sorted(Comparator.comparing(OccurrenceClaim::date)).toList();
    }
}
