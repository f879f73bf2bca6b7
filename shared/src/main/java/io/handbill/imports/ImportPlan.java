package io.handbill.imports;

import io.handbill.json.Json;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What an import will do, event by event, and the events its source no longer lists (reported, never touched).
 */
public record ImportPlan(List<PlannedImport> items, List<Event> vanished) {
    public ImportPlan {
        items = List.copyOf(items);
        vanished = List.copyOf(vanished);
    }

    /** Carries out one planned import; returns the event as it is afterwards. */
    public static Event apply(PlannedImport item, EventsApi api) throws EventsApiException {
        Event event = item.current();
        if (item.action() == PlannedImport.Action.CREATE) {
            event = api.create(item.write(), idempotencyKey(item.write()));
        } else if (item.write() != null) {
            event = api.update(event.id(), item.write(), event.etag());
        }
        if (item.publish()) {
            event = api.publish(event.id(), event.etag());
        }
        if (item.cancel()) {
            event = api.cancel(event.id(), item.incoming().cancelReason(), event.etag());
        }
        return event;
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
