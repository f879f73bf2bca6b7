package io.handbill.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A stored event. Times are kept as local date-times in the event's IANA zone; {@code startsAt} and {@code endsAt}
 * are the UTC instants derived from them and are what indexes and feeds sort by.
 *
 * @param version          optimistic-locking counter, starts at 1, +1 on every write
 * @param icsSequence      iCalendar SEQUENCE, +1 on every change a calendar must notice (time, place, title, cancel)
 * @param previousStartsAt the start before the last date change of a published event, or {@code null}
 * @param cancelReason     set only when {@code status} is CANCELLED
 * @param openEnded        TRUE when the organiser gave no end ({@code end} is then an estimate), else null
 * @param imported         where an import brought it from and what it wrote, or {@code null}
 * @param seriesId         the {@link Series} this event is an occurrence of, or {@code null}
 * @param seriesStamp      for an occurrence, its date and the template values it was given; otherwise {@code null}
 * @param cover            the event's picture, or {@code null}
 */
public record Event(String id, String slug, String title, String summary, String description,
                    LocalDateTime start, LocalDateTime end, Boolean openEnded, String timeZone, Instant startsAt,
                    Instant endsAt,
                    Venue venue, List<AgendaItem> agenda, List<Talk> talks, List<Speaker> speakers,
                    List<Sponsor> sponsors, List<TicketLink> tickets, String codeOfConductUrl,
                    List<String> tags, List<String> aliases, RsvpSettings rsvp,
                    EventStatus status, String cancelReason, Instant previousStartsAt,
                    long version, int icsSequence, Instant createdAt, Instant updatedAt, ImportRecord imported,
                    String seriesId, SeriesStamp seriesStamp, Image cover) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(status, "status");
        agenda = Lists.copy(agenda);
        talks = Lists.copy(talks);
        speakers = Lists.copy(speakers);
        sponsors = Lists.copy(sponsors);
        tickets = Lists.copy(tickets);
        tags = Lists.copy(tags);
        aliases = Lists.copy(aliases);
        openEnded = Boolean.TRUE.equals(openEnded) ? Boolean.TRUE : null;
        startsAt = start.atZone(ZoneId.of(timeZone)).toInstant();
        endsAt = end.atZone(ZoneId.of(timeZone)).toInstant();
    }

    /**
     * An empty builder: the organiser's part comes in as an {@link EventDraft}, the rest field by field;
     * {@code startsAt} and {@code endsAt} are always derived from the local times.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this event's values. */
    public Builder toBuilder() {
        return new Builder().id(id).draft(draft()).status(status).cancelReason(cancelReason)
                .previousStartsAt(previousStartsAt).version(version).icsSequence(icsSequence).createdAt(createdAt)
                .updatedAt(updatedAt).seriesId(seriesId).seriesStamp(seriesStamp);
    }

    /** A new DRAFT at version 1 from a validated draft whose slug is set. */
    public static Event create(String id, EventDraft draft, Instant now) {
        return builder().id(id).draft(draft).status(EventStatus.DRAFT).version(1).icsSequence(0).createdAt(now)
                .updatedAt(now).build();
    }

    /** The editable fields, as an organiser would send them back. */
    public EventDraft draft() {
        return EventDraft.builder().slug(slug).title(title).summary(summary).description(description).start(start)
                .end(end).openEnded(openEnded).timeZone(timeZone).venue(venue).agenda(agenda).talks(talks)
                .speakers(speakers)
                .sponsors(sponsors).tickets(tickets).codeOfConductUrl(codeOfConductUrl).tags(tags).aliases(aliases)
                .rsvp(rsvp).imported(imported).cover(cover).build();
    }

    /**
     * The next version with the organiser's edits applied. The slug stays once published (links must not break);
     * a calendar-visible change raises {@code icsSequence}, and a new start of a public event remembers the old one.
     * A draft without an import record keeps the event's.
     */
    public Event edit(EventDraft d, Instant now) {
        String newSlug = status.isPublic() || d.slug() == null ? slug : d.slug();
        boolean calendarChange = !Objects.equals(d.title(), title) || !d.start().equals(start)
                || !d.end().equals(end) || !d.timeZone().equals(timeZone) || !Objects.equals(d.venue(), venue);
        boolean moved = status.isPublic()
                && !d.start().atZone(ZoneId.of(d.timeZone())).toInstant().equals(startsAt);
        EventDraft next = d.imported() != null ? d.withSlug(newSlug) : d.toBuilder().slug(newSlug).imported(imported)
                .build();
        return toBuilder().draft(next).previousStartsAt(moved ? startsAt : previousStartsAt)
                .version(version + 1).icsSequence(icsSequence + (calendarChange ? 1 : 0)).updatedAt(now).build();
    }

    public Event publish(Instant now) {
        return withStatus(EventStatus.PUBLISHED, null, icsSequence, now);
    }

    public Event cancel(String reason, Instant now) {
        return withStatus(EventStatus.CANCELLED, reason, icsSequence + 1, now);
    }

    /** A cancelled event going ahead after all: public again, and calendars see a new SEQUENCE. */
    public Event reinstate(Instant now) {
        return withStatus(EventStatus.PUBLISHED, null, icsSequence + 1, now);
    }

    private Event withStatus(EventStatus newStatus, String reason, int sequence, Instant now) {
        return toBuilder().status(newStatus).cancelReason(reason).version(version + 1).icsSequence(sequence)
                .updatedAt(now).build();
    }

    /**
     * What the site's listing (index, feed, sitemap) keeps of an event: no description, agenda, talks, speakers,
     * sponsors, tickets, links or aliases; of the venue only its name and city. Fields are kept by choice, so a new
     * field stays out of the listing until a listing page needs it.
     */
    public Event listingEntry() {
        EventDraft shown = EventDraft.builder().slug(slug).title(title).summary(summary).start(start).end(end)
                .openEnded(openEnded).timeZone(timeZone).venue(venue == null ? null : venue.nameAndCity()).tags(tags)
                .cover(cover).build();
        return builder().id(id).draft(shown).status(status).cancelReason(cancelReason)
                .previousStartsAt(previousStartsAt).version(version).icsSequence(icsSequence).createdAt(createdAt)
                .updatedAt(updatedAt).seriesId(seriesId).build();
    }

    /** Whether the organiser gave no end, so that {@link #end()} is only an estimate for calendars. */
    public boolean endIsOpen() {
        return Boolean.TRUE.equals(openEnded);
    }

    /** The title as pages, feeds and mails show it: prefixed with "Cancelled: " once the event is cancelled. */
    @JsonIgnore
    public String displayTitle() {
        return status == EventStatus.CANCELLED ? "Cancelled: " + title : title;
    }

    /** Whether people can RSVP on the site at {@code now}: enabled, published, not yet ended, inside its window. */
    public boolean rsvpOpen(Instant now) {
        return rsvp != null && rsvp.enabled() && status == EventStatus.PUBLISHED && now.isBefore(endsAt)
                && rsvp.openAt(now, zone());
    }

    @JsonIgnore
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    @JsonIgnore
    public ZonedDateTime zonedStart() {
        return start.atZone(zone());
    }

    @JsonIgnore
    public ZonedDateTime zonedEnd() {
        return end.atZone(zone());
    }

    /** Strong HTTP entity tag for this version. */
    @JsonIgnore
    public String etag() {
        return "\"" + version + "\"";
    }

    public Speaker speaker(String speakerId) {
        return speakers.stream().filter(s -> s.id() != null && s.id().equals(speakerId)).findFirst().orElse(null);
    }

    public Talk talk(String talkId) {
        return talks.stream().filter(t -> t.id() != null && t.id().equals(talkId)).findFirst().orElse(null);
    }

    /** The organiser's part as a draft, the rest of the event field by field. */
    public static final class Builder {
        private String id;
        private EventDraft.Builder draft = EventDraft.builder();
        private EventStatus status;
        private String cancelReason;
        private Instant previousStartsAt;
        private long version;
        private int icsSequence;
        private Instant createdAt;
        private Instant updatedAt;
        private String seriesId;
        private SeriesStamp seriesStamp;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Every organiser-editable field, the slug included. */
        public Builder draft(EventDraft draft) {
            this.draft = draft.toBuilder();
            return this;
        }

        /** Changes some organiser-editable fields: {@code event.toBuilder().draft(d -> d.title("New")).build()}. */
        public Builder draft(UnaryOperator<EventDraft.Builder> change) {
            this.draft = change.apply(draft);
            return this;
        }

        public Builder status(EventStatus status) {
            this.status = status;
            return this;
        }

        public Builder cancelReason(String cancelReason) {
            this.cancelReason = cancelReason;
            return this;
        }

        public Builder previousStartsAt(Instant previousStartsAt) {
            this.previousStartsAt = previousStartsAt;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder icsSequence(int icsSequence) {
            this.icsSequence = icsSequence;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder seriesId(String seriesId) {
            this.seriesId = seriesId;
            return this;
        }

        public Builder seriesStamp(SeriesStamp seriesStamp) {
            this.seriesStamp = seriesStamp;
            return this;
        }

        public Event build() {
            EventDraft d = draft.build();
            return new Event(id, d.slug(), d.title(), d.summary(), d.description(), d.start(), d.end(),
                    d.openEnded(), d.timeZone(), null, null, d.venue(), d.agenda(), d.talks(), d.speakers(),
                    d.sponsors(), d.tickets(), d.codeOfConductUrl(), d.tags(), d.aliases(), d.rsvp(), status,
                    cancelReason, previousStartsAt, version, icsSequence, createdAt, updatedAt, d.imported(),
                    seriesId, seriesStamp, d.cover());
        }
    }
}
