package io.handbill.render;

import io.handbill.http.Problem;
import io.handbill.http.ProblemException;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.model.Series;
import io.handbill.model.SiteConfig;
import io.handbill.model.Slugs;
import io.handbill.store.EventStore;
import io.handbill.store.SeriesStore;
import io.handbill.validation.DraftCorrections;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.FieldError;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What an organiser's draft will publish as, made by the publisher's own {@link PageRenderer} from the event a save
 * would store (the same corrections and validation), shown as published. Reads the stored event and its series when
 * the draft edits one; writes nothing, anywhere.
 *
 * @param site the site {@code renderer} renders for
 */
public record PagePreview(EventStore events, SeriesStore series, PageRenderer renderer, SiteConfig site, Clock clock) {
    /** The id a never-saved draft is previewed under: a page shows its event's id only in the RSVP form's action. */
    static final String UNSAVED_ID = "preview";

    /**
     * @param descriptionHtml the description exactly as the page embeds it (the renderer's Markdown and allow-list)
     * @param pageHtml        the whole event page, byte for byte what the renderer would write to the bucket
     */
    public record Preview(String descriptionHtml, String pageHtml) {
    }

    /**
     * @param eventId the stored event the draft edits, or {@code null} for a draft never saved
     * @throws ProblemException 400 naming each field a save would refuse, 404 for an unknown event
     */
    public Preview of(EventDraft submitted, String eventId) {
        Instant now = clock.instant();
        Event event = eventId == null ? unsaved(submitted, now) : edit(stored(eventId), submitted, now);
        Event published = event.status() == EventStatus.PUBLISHED ? event : event.publish(now);
        Series occurrenceOf = published.seriesId() == null ? null : series.get(published.seriesId()).orElse(null);
        SiteObject page = renderer.eventPages(published, occurrenceOf).get(0);
        return new Preview(EventView.of(published, site).description().html(), page.text());
    }

    private static Event unsaved(EventDraft submitted, Instant now) {
        EventDraft draft = validated(DraftCorrections.ofNew(submitted));
        String slug = draft.slug() != null ? draft.slug() : Slugs.from(draft.start().toLocalDate(), draft.title());
        return Event.create(UNSAVED_ID, draft.withSlug(slug), now);
    }

    private static Event edit(Event stored, EventDraft submitted, Instant now) {
        return stored.edit(validated(DraftCorrections.ofEdit(stored.draft(), submitted)), now);
    }

    private Event stored(String eventId) {
        return events.get(eventId).orElseThrow(() -> new ProblemException(
                Problem.of(404, "There is no event with this id.")));
    }

    private static EventDraft validated(EventDraft draft) {
        List<FieldError> errors = EventDraftValidator.validate(draft);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        return draft;
    }
}
