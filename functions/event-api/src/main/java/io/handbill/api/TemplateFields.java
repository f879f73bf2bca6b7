package io.handbill.api;

import io.handbill.json.Json;
import io.handbill.model.EventDraft;
import io.handbill.model.Series;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The fields a series template gives its occurrences, and how an edited template reaches them: a field changes
 * only where the occurrence still holds what the template last gave it (its hash in the occurrence's
 * {@link io.handbill.model.SeriesStamp}), so what the organiser edited on one occurrence stays.
 */
enum TemplateFields {
    TITLE(EventDraft::title, (b, d) -> b.title(d.title())),
    SUMMARY(EventDraft::summary, (b, d) -> b.summary(d.summary())),
    VENUE(EventDraft::venue, (b, d) -> b.venue(d.venue())),
    /** Compared as offsets from the start, so an occurrence moved to another date or time still matches. */
    AGENDA(d -> d.agenda().isEmpty() ? d.agenda()
            : d.movedBy(Duration.between(d.start(), Series.TEMPLATE_DATE.atStartOfDay())).agenda(),
            (b, d) -> b.agenda(d.agenda())),
    SPONSORS(EventDraft::sponsors, (b, d) -> b.sponsors(d.sponsors())),
    TICKETS(EventDraft::tickets, (b, d) -> b.tickets(d.tickets())),
    CODE_OF_CONDUCT(EventDraft::codeOfConductUrl, (b, d) -> b.codeOfConductUrl(d.codeOfConductUrl())),
    TAGS(EventDraft::tags, (b, d) -> b.tags(d.tags()));

    private final Function<EventDraft, Object> value;
    private final BiConsumer<EventDraft.Builder, EventDraft> copy;

    TemplateFields(Function<EventDraft, Object> value, BiConsumer<EventDraft.Builder, EventDraft> copy) {
        this.value = value;
        this.copy = copy;
    }

    /** The hash of every template field of {@code draft}: what a new occurrence records as given. */
    static Map<String, String> stamp(EventDraft draft) {
        var hashes = new HashMap<String, String>();
        for (TemplateFields field : values()) {
            hashes.put(field.name(), field.hash(draft));
        }
        return hashes;
    }

    /**
     * The occurrence's draft with the new template's value in every field the organiser left as the template gave
     * it; {@code applied} is updated to the values now given.
     *
     * @param fromTemplate the new template moved to the occurrence's date
     */
    static EventDraft apply(EventDraft occurrence, EventDraft fromTemplate, Map<String, String> applied) {
        // the new agenda follows the occurrence's own start, should the organiser have moved it
        EventDraft given = fromTemplate.movedBy(Duration.between(fromTemplate.start(), occurrence.start()));
        EventDraft.Builder next = occurrence.toBuilder();
        for (TemplateFields field : values()) {
            String now = field.hash(occurrence);
            String wanted = field.hash(given);
            if (now.equals(applied.get(field.name())) && !now.equals(wanted)) {
                field.copy.accept(next, given);
                applied.put(field.name(), wanted);
            }
        }
        return next.build();
    }

    String hash(EventDraft draft) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(value.apply(draft) == null ? "" : value.apply(draft))
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
