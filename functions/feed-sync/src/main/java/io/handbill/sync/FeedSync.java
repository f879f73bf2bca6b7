package io.handbill.sync;

import io.handbill.api.ServiceEventsApi;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.imports.EventsApi;
import io.handbill.imports.EventsApiException;
import io.handbill.imports.ImportPlan;
import io.handbill.imports.ImportPlanner;
import io.handbill.imports.PlannedImport;
import io.handbill.model.Event;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.store.EventStore;
import io.handbill.sync.ics.FeedSource;
import io.handbill.sync.ics.IcsImport;
import io.handbill.sync.ics.NotICalendarException;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * One sync of the configured feed, as the import command would do it: the same plan (match by source UID, update
 * what the feed changed, keep what organisers edited, report what vanished) carried out through the event-api's
 * service. A feed that cannot be fetched or is not iCalendar fails the run, changing nothing; any other failure fails
 * it too, and the retry finishes what it left (the planner skips what landed, {@link #catchUpSiteVersion} the rest).
 */
public final class FeedSync {
    private static final Logger log = LoggerFactory.getLogger(FeedSync.class);

    /** What one run did; {@code outcome} is {@code OFF} when no feed is configured. */
    public record Result(String outcome, int created, int updated, int unchanged, int failed, int vanished) {
        static final Result OFF = new Result("OFF", 0, 0, 0, 0, 0);
    }

    private final FeedSyncConfig config;
    private final FeedSource source;
    private final EventsApi events;
    private final EventStore siteVersion;
    private final Clock clock;

    /** @param siteVersion the store whose site version the event writes raise (only that part of it is used) */
    FeedSync(FeedSyncConfig config, FeedSource source, EventsApi events, EventStore siteVersion, Clock clock) {
        this.config = config;
        this.source = source;
        this.events = events;
        this.siteVersion = siteVersion;
        this.clock = clock;
    }

    static FeedSync fromEnv() {
        FeedSyncConfig config = FeedSyncConfig.from(Env.processVariables());
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = AwsClients.dynamoDb();
        return new FeedSync(config, FeedSource.withDefaultClient(),
                ServiceEventsApi.onTable(dynamo, config.table(), clock), new DynamoDbEventStore(dynamo, config.table()),
                clock);
    }

    public Result run() {
        if (config.feedUrl() == null) {
            log.info("No FEED_URL: the feed sync is off");
            return Result.OFF;
        }
        String url = config.feedUrl();
        IcsImport.Feed feed;
        try {
            feed = IcsImport.read(source.read(url), url, IcsImport.Options.around(clock, config.zone()));
        } catch (IOException e) {
            throw new UncheckedIOException("Feed " + url + " could not be fetched; nothing changed", e);
        } catch (NotICalendarException e) {
            throw new IllegalStateException("Feed " + url + ": " + e.getMessage() + "; nothing changed");
        }
        feed.warnings().forEach(w -> log.warn(w.describe(url)));
        List<Event> existing;
        try {
            existing = events.listAll();
        } catch (EventsApiException e) {
            throw new IllegalStateException("Events could not be listed: " + e.getMessage(), e);
        }
        catchUpSiteVersion(existing);
        ImportPlan plan = ImportPlanner.plan(feed.events(), existing, false, feed::accountsFor);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int failed = 0;
        for (PlannedImport item : plan.items()) {
            if (item.action() == PlannedImport.Action.UNCHANGED) {
                unchanged++;
                continue;
            }
            List<FieldError> invalid = item.write() == null ? List.of() : EventDraftValidator.validate(item.write());
            if (!invalid.isEmpty()) {
                log.warn("{}: UID {} not imported: {} invalid field(s), first {}", item.incoming().origin(),
                        item.incoming().sourceUid(), invalid.size(), invalid.get(0).field());
                failed++;
                continue;
            }
            try {
                var event = ImportPlan.apply(item, events);
                log.info("{} event {} from UID {}{}", item.action() == PlannedImport.Action.CREATE ? "Created"
                        : "Updated", event.id(), item.incoming().sourceUid(),
                        item.kept().isEmpty() ? "" : "; kept organiser's edits to " + String.join(", ", item.kept()));
                if (item.action() == PlannedImport.Action.CREATE) {
                    created++;
                } else {
                    updated++;
                }
            } catch (EventsApiException e) {
                log.warn("UID {} not imported: {}", item.incoming().sourceUid(), e.getMessage());
                failed++;
            }
        }
        plan.vanished().forEach(e -> log.info("Event {} (UID {}) is no longer in the feed: left as it is", e.id(),
                e.imported().sourceUid()));
        var result = new Result(failed == 0 ? "SYNCED" : "PARTIAL", created, updated, unchanged, failed,
                plan.vanished().size());
        log.info("Feed sync: {} created, {} updated, {} unchanged, {} failed, {} vanished", created, updated,
                unchanged, failed, plan.vanished().size());
        return result;
    }

    /**
     * A run that failed between an event's write and the site-version bump after it left calendar apps a version
     * that does not cover the change. The retry plans that event as unchanged and writes nothing, so it raises the
     * version here instead.
     */
    private void catchUpSiteVersion(List<Event> existing) {
        siteVersion.raiseSiteVersionToCover(existing, clock.instant())
                .ifPresent(e -> log.info("Event {} changed after the site version: raised it", e.id()));
    }
}
