package io.handbill.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The part of an event an organiser edits: the body of create and update requests. Every field may be null here so
 * that any JSON object binds and {@link io.handbill.validation.EventDraftValidator} can report every problem at once.
 *
 * @param slug     URL path segment; generated from date and title when absent
 * @param start    local start in {@code timeZone}
 * @param end      local end in {@code timeZone}
 * @param timeZone IANA zone id such as {@code Europe/London}
 * @param description Markdown
 * @param imported what an import last wrote, or {@code null}; an update without it keeps the event's (the admin
 *                 form never sends it)
 */
public record EventDraft(String slug, String title, String summary, String description,
                         LocalDateTime start, LocalDateTime end, String timeZone,
                         Venue venue, List<AgendaItem> agenda, List<Talk> talks, List<Speaker> speakers,
                         List<Sponsor> sponsors, List<TicketLink> tickets, String codeOfConductUrl,
                         List<String> tags, List<String> aliases, ImportRecord imported) {
    public EventDraft {
        agenda = Lists.copy(agenda);
        talks = Lists.copy(talks);
        speakers = Lists.copy(speakers);
        sponsors = Lists.copy(sponsors);
        tickets = Lists.copy(tickets);
        tags = Lists.copy(tags);
        aliases = Lists.copy(aliases);
    }

    /** A draft of an event that was never imported. */
    public EventDraft(String slug, String title, String summary, String description,
                      LocalDateTime start, LocalDateTime end, String timeZone,
                      Venue venue, List<AgendaItem> agenda, List<Talk> talks, List<Speaker> speakers,
                      List<Sponsor> sponsors, List<TicketLink> tickets, String codeOfConductUrl,
                      List<String> tags, List<String> aliases) {
        this(slug, title, summary, description, start, end, timeZone, venue, agenda, talks, speakers, sponsors,
                tickets, codeOfConductUrl, tags, aliases, null);
    }

    public EventDraft withSlug(String newSlug) {
        return new EventDraft(newSlug, title, summary, description, start, end, timeZone, venue, agenda, talks,
                speakers, sponsors, tickets, codeOfConductUrl, tags, aliases, imported);
    }

    public EventDraft withImported(ImportRecord record) {
        return new EventDraft(slug, title, summary, description, start, end, timeZone, venue, agenda, talks,
                speakers, sponsors, tickets, codeOfConductUrl, tags, aliases, record);
    }
}
