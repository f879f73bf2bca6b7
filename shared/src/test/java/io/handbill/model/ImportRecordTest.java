package io.handbill.model;

import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.FieldError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRecordTest {
    private static final ImportRecord RECORD = new ImportRecord("event_298000001@meetup.com",
            Map.of("title", "aBc-_12", "when", "x9"));

    @Test
    void draftWithARecord_bindsFromJson_andWritesItBack() throws Exception {
        EventDraft draft = Fixtures.seedDraft().withImported(RECORD);

        String json = Json.write(draft);

        assertThat(json).contains("\"imported\":{\"sourceUid\":\"event_298000001@meetup.com\","
                + "\"fingerprints\":{\"title\":\"aBc-_12\",\"when\":\"x9\"}}");
        assertThat(Json.read(json, EventDraft.class)).isEqualTo(draft);
        assertThat(Json.read(Json.write(Event.create("e1", draft.withSlug("s"), Instant.EPOCH)), Event.class)
                .imported()).isEqualTo(RECORD);
    }

    @Test
    void editWithoutARecord_keepsTheEventsRecord_editWithOneReplacesIt() {
        Event imported = Event.create("e1", Fixtures.seedDraft().withSlug("s").withImported(RECORD), Instant.EPOCH);
        ImportRecord next = new ImportRecord(RECORD.sourceUid(), Map.of("title", "new"));

        assertThat(imported.edit(Fixtures.seedDraft(), Instant.EPOCH).imported()).isEqualTo(RECORD);
        assertThat(imported.edit(Fixtures.seedDraft().withImported(next), Instant.EPOCH).imported()).isEqualTo(next);
        assertThat(imported.publish(Instant.EPOCH).cancel("rain", Instant.EPOCH).imported()).isEqualTo(RECORD);
    }

    @Test
    void validator_checksTheSourceUidAndEveryFingerprint() {
        var bad = new ImportRecord("uid\nwith a line break", Map.of("title", "not a hash!", "colour", "abc"));
        var long_ = new ImportRecord("u".repeat(EventDraftValidator.MAX_SOURCE_UID + 1), Map.of());

        assertThat(EventDraftValidator.validate(Fixtures.seedDraft().withImported(RECORD))).isEmpty();
        assertThat(EventDraftValidator.validate(Fixtures.seedDraft().withImported(bad)))
                .extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("imported.sourceUid", "invalid_characters"),
                        org.assertj.core.groups.Tuple.tuple("imported.fingerprints.title", "invalid_format"),
                        org.assertj.core.groups.Tuple.tuple("imported.fingerprints", "unknown_field"));
        assertThat(EventDraftValidator.validate(Fixtures.seedDraft().withImported(long_)))
                .extracting(FieldError::code).containsExactly("too_long");
        assertThat(EventDraftValidator.validate(Fixtures.seedDraft().withImported(new ImportRecord(" ", null))))
                .extracting(FieldError::code).containsExactly("required");
    }
}
