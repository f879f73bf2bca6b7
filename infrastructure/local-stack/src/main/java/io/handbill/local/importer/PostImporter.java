package io.handbill.local.importer;

import io.handbill.json.Json;
import io.handbill.local.importer.post.ParsedPost;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Brings parsed posts into the event-api so that importing again changes nothing: a post's event is the one that
 * has its slug or shares one of its old links (aliases), and it is written only when its fields differ — with what
 * an organiser added since kept ({@link OrganiserAdditions}). A live post is published; an event already public, or
 * cancelled, keeps its state and its slug.
 */
final class PostImporter {
    enum Outcome { CREATED, UPDATED, UNCHANGED }

    record Result(Outcome outcome, Event event) {
    }

    private final EventsApi api;
    private List<Event> known;

    PostImporter(EventsApi api) {
        this.api = api;
    }

    Result importPost(ParsedPost post) throws EventsApiException {
        Optional<Event> existing = findExisting(post.draft());
        if (existing.isEmpty()) {
            Event created = api.create(post.draft(), idempotencyKey(post.draft()));
            Event result = post.publish() ? api.publish(created.id(), created.etag()) : created;
            remember(result);
            return new Result(Outcome.CREATED, result);
        }
        Event current = existing.get();
        EventDraft wanted = OrganiserAdditions.keep(post.draft(), current.draft()).withSlug(current.slug());
        boolean changed = !current.draft().equals(wanted);
        Event result = changed ? api.update(current.id(), wanted, current.etag()) : current;
        boolean publish = post.publish() && result.status() == EventStatus.DRAFT;
        if (publish) {
            result = api.publish(result.id(), result.etag());
        }
        remember(result);
        return new Result(changed || publish ? Outcome.UPDATED : Outcome.UNCHANGED, result);
    }

    /** The same post's event: the one with its slug, else one that answers any of its old links. */
    private Optional<Event> findExisting(EventDraft draft) throws EventsApiException {
        if (known == null) {
            known = new ArrayList<>(api.listAll());
        }
        return known.stream().filter(e -> e.slug().equals(draft.slug())).findFirst()
                .or(() -> known.stream().filter(e -> e.aliases().stream().anyMatch(draft.aliases()::contains))
                        .findFirst());
    }

    private void remember(Event event) {
        known.removeIf(e -> e.id().equals(event.id()));
        known.add(event);
    }

    /** Same draft → same key, so a create retried after a lost response makes no second event. */
    private static String idempotencyKey(EventDraft draft) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(draft).getBytes(StandardCharsets.UTF_8));
            return "import-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
