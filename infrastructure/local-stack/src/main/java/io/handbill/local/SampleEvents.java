package io.handbill.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handbill.json.Json;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.RsvpSettings;
import io.handbill.model.Slugs;
import io.handbill.store.EventStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a fresh local stack starts with: the seed event (the Leeds DevOps meetup of 26 September 2017, from the
 * shared JSON fixture) and one upcoming sample event, both published, so the site, the feeds and the reminders
 * have something to show at once.
 */
final class SampleEvents {
    static final String SEED_RESOURCE = "/fixtures/seed-event.json";
    static final String UPCOMING_TITLE = "Leeds DevOps: an upcoming sample meetup";
    /**
     * A week and a little: a reminder falls due when the sweep's window passes its instant (start minus seven days)
     * and only for events created before that instant, so the sample's comes due minutes after start-up.
     */
    static final Duration UPCOMING_IN = Duration.ofDays(7).plusMinutes(3);

    private final EventStore store;
    private final Clock clock;

    SampleEvents(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Loads both events unless the seed is already there (a persisted data directory).
     *
     * @return the upcoming sample as published, or empty when nothing was loaded
     */
    Optional<Event> loadIfMissing() {
        EventDraft seed = seedDraft();
        String seedSlug = Slugs.from(seed.start().toLocalDate(), seed.title());
        if (store.findBySlug(seedSlug).isPresent()) {
            return Optional.empty();
        }
        publish(seed.withSlug(seedSlug));
        EventDraft upcoming = upcoming(seed);
        return Optional.of(publish(upcoming.withSlug(Slugs.from(upcoming.start().toLocalDate(), upcoming.title()))));
    }

    static EventDraft seedDraft() {
        try (InputStream in = SampleEvents.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The seed event " + SEED_RESOURCE + " is not on the classpath");
            }
            return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), EventDraft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The seed event does not match the model", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The seed's evening moved to start {@link #UPCOMING_IN} from now (rounded up to five minutes), with a new title
     * and no alias: its seven-day reminder falls due a few minutes after the stack starts.
     */
    EventDraft upcoming(EventDraft seed) {
        ZoneId zone = ZoneId.of(seed.timeZone());
        LocalDateTime exact = LocalDateTime.ofInstant(clock.instant().plus(UPCOMING_IN), zone);
        LocalDateTime target = exact.truncatedTo(ChronoUnit.MINUTES);
        if (target.isBefore(exact)) {
            target = target.plusMinutes(1);
        }
        target = target.plusMinutes((5 - target.getMinute() % 5) % 5);
        return seed.movedBy(Duration.between(seed.start(), target)).toBuilder().slug(null).title(UPCOMING_TITLE)
                .summary("A sample event a week away, so that reminders can be tried straight away.")
                .description("This event was made by the local stack as a sample. Subscribe on this page, confirm "
                        + "through the [outbox](/outbox/), and a few minutes after the stack started run the reminder "
                        + "sweep there: the seven-day reminder arrives in the outbox.")
                .aliases(List.of())
                // three places, so that going, the waitlist and promotion can be tried through the outbox
                .rsvp(new RsvpSettings(true, 3, null, null, "Any dietary needs or access requirements?"))
                .build();
    }

    private Event publish(EventDraft draft) {
        Instant now = clock.instant();
        Event created = Event.create(UUID.randomUUID().toString(), draft, now);
        store.create(created);
        Event published = created.publish(now);
        store.update(published);
        store.bumpSiteVersion(now);
        return published;
    }
}
