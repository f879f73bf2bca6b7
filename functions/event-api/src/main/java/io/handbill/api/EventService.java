package io.handbill.api;

import io.handbill.json.Json;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.model.SeriesStamp;
import io.handbill.model.Slugs;
import io.handbill.store.AliasTakenException;
import io.handbill.store.EventListing;
import io.handbill.store.EventNotFoundException;
import io.handbill.store.EventStore;
import io.handbill.store.Page;
import io.handbill.store.SlugTakenException;
import io.handbill.store.VersionConflictException;
import io.handbill.validation.CleanText;
import io.handbill.validation.DraftCorrections;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.FieldError;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The organiser's operations on events. Every write is one conditional store write (plus the site-version bump
 * after a change the public sees), and each is safe to retry: a retry after a crash finishes the work rather than
 * doubling it.
 */
public final class EventService {
    static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
    static final int MAX_REASON = 500;
    /** How many {@code -2}, {@code -3}, … suffixes a generated slug tries before giving up. */
    private static final int SLUG_ATTEMPTS = 50;
    /** Retries of a status change that met a concurrent edit, when the caller did not ask for a precondition. */
    private static final int STATUS_ATTEMPTS = 3;

    private final EventStore events;
    private final IdempotencyStore idempotency;
    private final Clock clock;

    EventService(EventStore events, IdempotencyStore idempotency, Clock clock) {
        this.events = events;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /**
     * Stores a new DRAFT. Without an explicit slug one is made from date and title, numbered when taken. With an
     * idempotency key, the same key and body answer with the first response, and the same key with another body
     * fails with {@link IdempotencyKeyReusedException}.
     */
    CreatedEvent create(EventDraft submitted, String idempotencyKey) {
        EventDraft draft = DraftCorrections.ofNew(submitted);
        validate(draft);
        if (idempotencyKey == null) {
            return CreatedEvent.of(insert(newId(), draft), false);
        }
        String hash = sha256(Json.write(draft));
        Instant now = clock.instant();
        var pending = IdempotencyRecord.pending(idempotencyKey, hash, newId(), now.plus(IDEMPOTENCY_TTL));
        Optional<IdempotencyRecord> existing = idempotency.reserve(pending, now);
        IdempotencyRecord record = existing.orElse(pending);
        if (!record.requestHash().equals(hash)) {
            throw new IdempotencyKeyReusedException();
        }
        if (record.isComplete()) {
            return record.response().asReplay();
        }
        // a pending record: ours, or one left by a request that crashed (or still runs) — both finish the same way
        Event event;
        try {
            event = events.get(record.eventId()).orElseGet(() -> insert(record.eventId(), draft));
        } catch (SlugTakenException | AliasTakenException e) {
            idempotency.release(record);
            throw e;
        }
        CreatedEvent created = CreatedEvent.of(event, existing.isPresent());
        idempotency.complete(record.completedWith(created));
        return created;
    }

    Event get(String id) {
        return events.get(id).orElseThrow(() -> new EventNotFoundException(id));
    }

    Page<Event> list(EventStatus status, EventListing.When when, String cursor, int limit) {
        return events.list(new EventListing(status, when, clock.instant(), cursor, limit));
    }

    /**
     * Replaces the editable fields if the event is still at a version {@code ifMatch} names.
     *
     * @throws VersionConflictException when it is not (or changes meanwhile)
     */
    Event update(String id, EventDraft submitted, IfMatch ifMatch) {
        Event current = get(id);
        EventDraft draft = DraftCorrections.ofEdit(current.draft(), submitted);
        validate(draft);
        if (!ifMatch.matches(current)) {
            throw new VersionConflictException(id);
        }
        if (current.status().isPublic() && draft.slug() != null && !draft.slug().equals(current.slug())) {
            throw new EventStateException(new FieldError("slug", "fixed_once_published",
                    "The address of a published event stays the same so that links keep working"),
                    "The slug of a published event cannot change.");
        }
        Instant now = clock.instant();
        Event next = current.edit(draft, now);
        events.update(next);
        if (next.status().isPublic()) {
            events.bumpSiteVersion(now);
        }
        return next;
    }

    /** DRAFT → PUBLISHED; publishing a published event changes nothing. */
    Event publish(String id, IfMatch ifMatch) {
        return changeStatus(id, ifMatch, (current, now) -> switch (current.status()) {
            case DRAFT -> current.publish(now);
            case PUBLISHED -> current;
            case CANCELLED -> throw new EventStateException("A cancelled event cannot be published again.");
        });
    }

    /** PUBLISHED → CANCELLED with a reason; cancelling a cancelled event changes nothing. Drafts are deleted instead. */
    Event cancel(String id, CancelRequest request, IfMatch ifMatch) {
        String reason = request.reason();
        if (reason == null || reason.isBlank()) {
            throw invalid("reason", "required", "Say why the event is cancelled; attendees will see it");
        }
        if (reason.length() > MAX_REASON) {
            throw invalid("reason", "too_long", "At most " + MAX_REASON + " characters");
        }
        if (!CleanText.isClean(reason)) {
            throw invalid("reason", "invalid_characters", "Control characters, Unicode non-characters and U+FFFD "
                    + "(text that was not valid UTF-8) are not allowed");
        }
        return changeStatus(id, ifMatch, (current, now) -> switch (current.status()) {
            case DRAFT -> throw new EventStateException("A draft is not public: delete it instead of cancelling.");
            case PUBLISHED -> current.cancel(reason.strip(), now);
            case CANCELLED -> current;
        });
    }

    /**
     * CANCELLED → PUBLISHED for an event that has not started: the organiser changed their mind, and subscribers
     * are told it is back on. Reinstating a published event changes nothing.
     */
    Event reinstate(String id, IfMatch ifMatch) {
        return changeStatus(id, ifMatch, (current, now) -> switch (current.status()) {
            case DRAFT -> throw new EventStateException("A draft was never cancelled: publish it instead.");
            case PUBLISHED -> current;
            case CANCELLED -> {
                if (!current.startsAt().isAfter(now)) {
                    throw new EventStateException("This event has already started; it cannot be reinstated.");
                }
                yield current.reinstate(now);
            }
        });
    }

    /** Deletes a draft. Public events are cancelled instead, so that their pages and calendar entries say so. */
    void delete(String id, IfMatch ifMatch) {
        Event current = get(id);
        if (!ifMatch.matches(current)) {
            throw new VersionConflictException(id);
        }
        if (current.status() != EventStatus.DRAFT) {
            throw new EventStateException("Only drafts can be deleted; cancel a published event instead.");
        }
        events.delete(id, current.version());
    }

    private interface StatusChange {
        Event apply(Event current, Instant now);
    }

    /**
     * Applies a status change and then raises the site version. An unchanged event still raises it: that repairs a
     * crash between an earlier attempt's two writes.
     */
    private Event changeStatus(String id, IfMatch ifMatch, StatusChange change) {
        for (int attempt = 1; ; attempt++) {
            Event current = get(id);
            if (!ifMatch.matches(current)) {
                throw new VersionConflictException(id);
            }
            Instant now = clock.instant();
            Event next = change.apply(current, now);
            try {
                if (next != current) {
                    events.update(next);
                }
                events.bumpSiteVersion(now);
                return next;
            } catch (VersionConflictException e) {
                if (ifMatch.isConditional() || attempt == STATUS_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Creates the occurrence of a series under its claimed id, with a date-based slug numbered when taken; when the
     * id exists already (a concurrent or earlier run made it), that event is the answer.
     */
    Event createOccurrence(String id, EventDraft draft, String seriesId, SeriesStamp stamp) {
        return insert(id, draft, e -> e.toBuilder().seriesId(seriesId).seriesStamp(stamp).build());
    }

    private Event insert(String id, EventDraft draft) {
        return insert(id, draft, e -> e);
    }

    /** Creates the event under {@code id}, numbering a generated slug until a free one is found. */
    private Event insert(String id, EventDraft draft, UnaryOperator<Event> complete) {
        boolean generated = draft.slug() == null;
        String base = generated ? Slugs.from(draft.start().toLocalDate(), draft.title()) : draft.slug();
        Instant now = clock.instant();
        for (int n = 1; ; n++) {
            Event event = complete.apply(Event.create(id, draft.withSlug(n == 1 ? base : Slugs.numbered(base, n)), now));
            try {
                events.create(event);
                return event;
            } catch (SlugTakenException e) {
                if (!generated || n == SLUG_ATTEMPTS) {
                    throw e;
                }
            } catch (VersionConflictException e) {
                // the same id exists: a concurrent retry of this very create got there first
                return get(id);
            }
        }
    }

    private static void validate(EventDraft draft) {
        List<FieldError> errors = EventDraftValidator.validate(draft);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    private static InvalidRequestException invalid(String field, String code, String message) {
        return new InvalidRequestException(List.of(new FieldError(field, code, message)));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
