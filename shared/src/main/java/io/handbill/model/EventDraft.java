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
 */
public record EventDraft(String slug, String title, String summary, String description,
                         LocalDateTime start, LocalDateTime end, String timeZone,
                         Venue venue, List<AgendaItem> agenda, List<Talk> talks, List<Speaker> speakers,
                         List<Sponsor> sponsors, List<TicketLink> tickets, String codeOfConductUrl,
                         List<String> tags, List<String> aliases) {
    public EventDraft {
        agenda = Lists.copy(agenda);
        talks = Lists.copy(talks);
        speakers = Lists.copy(speakers);
        sponsors = Lists.copy(sponsors);
        tickets = Lists.copy(tickets);
        tags = Lists.copy(tags);
        aliases = Lists.copy(aliases);
    }

    public EventDraft withSlug(String newSlug) {
        return new EventDraft(newSlug, title, summary, description, start, end, timeZone, venue, agenda, talks,
                speakers, sponsors, tickets, codeOfConductUrl, tags, aliases);
    }
}
