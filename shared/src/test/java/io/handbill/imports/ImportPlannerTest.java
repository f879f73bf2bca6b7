package io.handbill.imports;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPlannerTest {
    private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");

    @Test
    void fingerprints_coverExactlyTheFieldsTheRecordNames() {
        assertThat(Fingerprints.values(Fixtures.seedDraft()).keySet())
                .containsExactlyElementsOf(io.handbill.model.ImportRecord.FIELDS);
    }

    @Test
    void newEvent_isCreatedWithItsRecord_andAPredictedSlugNumberedWhenTaken() {
        Event taken = Event.create("e0", Fixtures.seedDraft().withSlug("2017-09-26-leeds-devops"), NOW);
        ImportedEvent in = incoming(titled("Leeds DevOps").withSlug(null), "uid-1@x", EventStatus.CANCELLED);

        PlannedImport item = ImportPlanner.plan(List.of(in), List.of(taken), false, e -> false).items().get(0);

        assertThat(item.action()).isEqualTo(PlannedImport.Action.CREATE);
        assertThat(item.write().slug()).isEqualTo("2017-09-26-leeds-devops-2");
        assertThat(item.write().imported().sourceUid()).isEqualTo("uid-1@x");
        assertThat(item.publish()).isTrue();
        assertThat(item.cancel()).isTrue();
    }

    @Test
    void fieldStillAsImported_takesTheSource_fieldEditedSince_isKept_unlessOverwrite() {
        Event imported = importedOnce(titled("First title"));
        Event edited = imported.edit(described(imported.draft().withImported(null), "The organiser's words."), NOW);
        ImportedEvent again = incoming(described(titled("Second title"), "The feed's words."), "uid-1@x",
                EventStatus.PUBLISHED);

        PlannedImport item = ImportPlanner.plan(List.of(again), List.of(edited), false, e -> false).items().get(0);
        PlannedImport forced = ImportPlanner.plan(List.of(again), List.of(edited), true, e -> false).items().get(0);

        assertThat(item.changed()).containsExactly("title");
        assertThat(item.kept()).containsExactly("description");
        assertThat(item.write().title()).isEqualTo("Second title");
        assertThat(item.write().description()).isEqualTo("The organiser's words.");
        assertThat(forced.changed()).containsExactly("title", "description");
        assertThat(forced.kept()).isEmpty();
    }

    @Test
    void sameSourceAgain_isUnchanged_andEventsItNoLongerListsAreVanished() {
        Event imported = importedOnce(titled("First title"));
        Event other = Event.create("e2", titled("Gone").withSlug("gone").withImported(
                new io.handbill.model.ImportRecord("uid-2@x", java.util.Map.of())), NOW);

        ImportPlan plan = ImportPlanner.plan(List.of(incoming(titled("First title"), "uid-1@x", EventStatus.DRAFT)),
                List.of(imported, other), false, e -> true);

        assertThat(plan.items()).extracting(PlannedImport::action).containsExactly(PlannedImport.Action.UNCHANGED);
        assertThat(plan.vanished()).containsExactly(other);
    }

    private static Event importedOnce(EventDraft draft) {
        PlannedImport created = ImportPlanner.plan(List.of(incoming(draft, "uid-1@x", EventStatus.DRAFT)), List.of(),
                false, e -> false).items().get(0);
        return Event.create("e1", created.write(), NOW);
    }

    private static EventDraft titled(String title) {
        EventDraft seed = Fixtures.seedDraft();
        return EventDraft.builder().slug(seed.slug()).title(title).description(seed.description()).start(seed.start())
                .end(seed.end()).timeZone(seed.timeZone()).venue(seed.venue()).tickets(seed.tickets()).build();
    }

    private static EventDraft described(EventDraft d, String description) {
        return d.toBuilder().description(description).build();
    }

    private static ImportedEvent incoming(EventDraft draft, String uid, EventStatus status) {
        return new ImportedEvent("feed.ics:1", draft, uid, status, "Cancelled on Meetup", false);
    }
}
