package io.handbill.imports;

import io.handbill.model.Event;
import io.handbill.model.EventDraft;

import java.util.List;

/**
 * What importing one event will do; a dry run prints it, a real run carries it out ({@link ImportPlan#apply}).
 *
 * @param current  the event it updates, or {@code null} when it creates one
 * @param write    the draft to create or update with, or {@code null} when no fields change
 * @param changed  the fields the update changes ({@code source} when only the import record is new)
 * @param kept     fields the source says otherwise but an organiser edited in Handbill: kept as they are
 * @param publish  publish the event after writing it
 * @param cancel   cancel it (after publishing, when new)
 * @param notes    what the import leaves alone and why (a cancelled event the source lists as on)
 */
public record PlannedImport(ImportedEvent incoming, Action action, Event current, EventDraft write,
                            List<String> changed, List<String> kept, boolean publish, boolean cancel,
                            List<String> notes) {
    public enum Action { CREATE, UPDATE, UNCHANGED }

    public PlannedImport {
        changed = List.copyOf(changed);
        kept = List.copyOf(kept);
        notes = List.copyOf(notes);
    }

    /** The slug the event has, or will have. */
    public String slug() {
        return current != null ? current.slug() : write.slug();
    }

    public String title() {
        return write != null ? write.title() : current.title();
    }
}
