package io.handbill.model;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The part of an event an organiser edits: the body of create and update requests. Every field may be null here so
 * that any JSON object binds and {@link io.handbill.validation.EventDraftValidator} can report every problem at once.
 * Build one with {@link #builder()} or change one with {@link #toBuilder()}; the record's own constructor is for
 * Jackson and the builder.
 *
 * @param slug     URL path segment; generated from date and title when absent
 * @param start    local start in {@code timeZone}
 * @param end      local end in {@code timeZone}; may be left out, then an estimate is stored and {@code openEnded} set
 * @param openEnded true when the organiser gave no end: pages say "from 19:00", calendars get the estimated end
 * @param timeZone IANA zone id such as {@code Europe/London}
 * @param description Markdown
 * @param rsvp     whether and how people say "I'm coming" on the site; {@code null} = no RSVPs
 * @param cover    the event's picture, or {@code null}: pages then show a card made from title, date and group
 * @param imported what an import last wrote, or {@code null}; an update without it keeps the event's (the admin
 *                 form never sends it)
 */
public record EventDraft(String slug, String title, String summary, String description,
                         LocalDateTime start, LocalDateTime end, Boolean openEnded, String timeZone,
                         Venue venue, List<AgendaItem> agenda, List<Talk> talks, List<Speaker> speakers,
                         List<Sponsor> sponsors, List<TicketLink> tickets, String codeOfConductUrl,
                         List<String> tags, List<String> aliases, RsvpSettings rsvp, ImportRecord imported,
                         Image cover) {
    public EventDraft {
        agenda = Lists.copy(agenda);
        talks = Lists.copy(talks);
        speakers = Lists.copy(speakers);
        sponsors = Lists.copy(sponsors);
        tickets = Lists.copy(tickets);
        tags = Lists.copy(tags);
        aliases = Lists.copy(aliases);
    }

    /** An empty draft: every field null, every list empty. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this draft's values. */
    public Builder toBuilder() {
        return new Builder().slug(slug).title(title).summary(summary).description(description).start(start).end(end)
                .openEnded(openEnded).timeZone(timeZone).venue(venue).agenda(agenda).talks(talks).speakers(speakers)
                .sponsors(sponsors).tickets(tickets).codeOfConductUrl(codeOfConductUrl).tags(tags).aliases(aliases)
                .rsvp(rsvp).imported(imported).cover(cover);
    }

    /** The same evening {@code by} later: start, end and every agenda slot; needs start and end set. */
    public EventDraft movedBy(Duration by) {
        return toBuilder().start(start.plus(by)).end(end.plus(by))
                .agenda(agenda.stream().map(a -> a.movedBy(by)).toList()).build();
    }

    public EventDraft withSlug(String newSlug) {
        return toBuilder().slug(newSlug).build();
    }

    public EventDraft withImported(ImportRecord record) {
        return toBuilder().imported(record).build();
    }

    /** Sets fields by name; unset ones stay null (lists: empty). */
    public static final class Builder {
        private String slug;
        private String title;
        private String summary;
        private String description;
        private LocalDateTime start;
        private LocalDateTime end;
        private Boolean openEnded;
        private String timeZone;
        private Venue venue;
        private List<AgendaItem> agenda;
        private List<Talk> talks;
        private List<Speaker> speakers;
        private List<Sponsor> sponsors;
        private List<TicketLink> tickets;
        private String codeOfConductUrl;
        private List<String> tags;
        private List<String> aliases;
        private RsvpSettings rsvp;
        private ImportRecord imported;
        private Image cover;

        private Builder() {
        }

        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder start(LocalDateTime start) {
            this.start = start;
            return this;
        }

        public Builder end(LocalDateTime end) {
            this.end = end;
            return this;
        }

        public Builder openEnded(Boolean openEnded) {
            this.openEnded = openEnded;
            return this;
        }

        public Builder timeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        public Builder venue(Venue venue) {
            this.venue = venue;
            return this;
        }

        public Builder agenda(List<AgendaItem> agenda) {
            this.agenda = agenda;
            return this;
        }

        public Builder talks(List<Talk> talks) {
            this.talks = talks;
            return this;
        }

        public Builder speakers(List<Speaker> speakers) {
            this.speakers = speakers;
            return this;
        }

        public Builder sponsors(List<Sponsor> sponsors) {
            this.sponsors = sponsors;
            return this;
        }

        public Builder tickets(List<TicketLink> tickets) {
            this.tickets = tickets;
            return this;
        }

        public Builder codeOfConductUrl(String codeOfConductUrl) {
            this.codeOfConductUrl = codeOfConductUrl;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder aliases(List<String> aliases) {
            this.aliases = aliases;
            return this;
        }

        public Builder rsvp(RsvpSettings rsvp) {
            this.rsvp = rsvp;
            return this;
        }

        public Builder imported(ImportRecord imported) {
            this.imported = imported;
            return this;
        }

        public Builder cover(Image cover) {
            this.cover = cover;
            return this;
        }

        public EventDraft build() {
            return new EventDraft(slug, title, summary, description, start, end, openEnded, timeZone, venue, agenda,
                    talks, speakers, sponsors, tickets, codeOfConductUrl, tags, aliases, rsvp, imported, cover);
        }
    }
}
