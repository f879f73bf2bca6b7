package io.handbill.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A stored event. Times are kept as local date-times in the event's IANA zone; {@code startsAt} and {@code endsAt}
 * are the UTC instants derived from them and are what indexes and feeds sort by.
 *
 * @param version          optimistic-locking counter, starts at 1, +1 on every write
 * @param icsSequence      iCalendar SEQUENCE, +1 on every change a calendar must notice (time, place, title, cancel)
 * @param previousStartsAt the start before the last date change of a published event, or {@code null}
 * @param cancelReason     set only when {@code status} is CANCELLED
 * @param imported         where an import brought it from and what it wrote, or {@code null}
 */
public record Event(String id, String slug, String title, String summary, String description,
                    LocalDateTime start, LocalDateTime end, String timeZone, Instant startsAt, Instant endsAt,
                    Venue venue, List<AgendaItem> agenda, List<Talk> talks, List<Speaker> speakers,
                    List<Sponsor> sponsors, List<TicketLink> tickets, String codeOfConductUrl,
                    List<String> tags, List<String> aliases,
                    EventStatus status, String cancelReason, Instant previousStartsAt,
                    long version, int icsSequence, Instant createdAt, Instant updatedAt, ImportRecord imported) {

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
        startsAt = start.atZone(ZoneId.of(timeZone)).toInstant();
        endsAt = end.atZone(ZoneId.of(timeZone)).toInstant();
    }

    /** An event that was never imported. */
    public Event(String id, String slug, String title, String summary, String description,
                 LocalDateTime start, LocalDateTime end, String timeZone, Instant startsAt, Instant endsAt,
                 Venue venue, List<AgendaItem> agenda, List<Talk> talks, List<Speaker> speakers,
                 List<Sponsor> sponsors, List<TicketLink> tickets, String codeOfConductUrl,
                 List<String> tags, List<String> aliases,
                 EventStatus status, String cancelReason, Instant previousStartsAt,
                 long version, int icsSequence, Instant createdAt, Instant updatedAt) {
        this(id, slug, title, summary, description, start, end, timeZone, startsAt, endsAt, venue, agenda, talks,
                speakers, sponsors, tickets, codeOfConductUrl, tags, aliases, status, cancelReason, previousStartsAt,
                version, icsSequence, createdAt, updatedAt, null);
    }

    /** A new DRAFT at version 1 from a validated draft whose slug is set. */
    public static Event create(String id, EventDraft draft, Instant now) {
        return new Event(id, draft.slug(), draft.title(), draft.summary(), draft.description(), draft.start(),
                draft.end(), draft.timeZone(), null, null, draft.venue(), draft.agenda(), draft.talks(),
                draft.speakers(), draft.sponsors(), draft.tickets(), draft.codeOfConductUrl(), draft.tags(),
                draft.aliases(), EventStatus.DRAFT, null, null, 1, 0, now, now, draft.imported());
    }

    /** The editable fields, as an organiser would send them back. */
    public EventDraft draft() {
        return new EventDraft(slug, title, summary, description, start, end, timeZone, venue, agenda, talks,
                speakers, sponsors, tickets, codeOfConductUrl, tags, aliases, imported);
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
        return new Event(id, newSlug, d.title(), d.summary(), d.description(), d.start(), d.end(), d.timeZone(),
                null, null, d.venue(), d.agenda(), d.talks(), d.speakers(), d.sponsors(), d.tickets(),
                d.codeOfConductUrl(), d.tags(), d.aliases(), status, cancelReason,
                moved ? startsAt : previousStartsAt, version + 1, icsSequence + (calendarChange ? 1 : 0),
                createdAt, now, d.imported() != null ? d.imported() : imported);
    }

    public Event publish(Instant now) {
        return withStatus(EventStatus.PUBLISHED, null, icsSequence, now);
    }

    public Event cancel(String reason, Instant now) {
        return withStatus(EventStatus.CANCELLED, reason, icsSequence + 1, now);
    }

    private Event withStatus(EventStatus newStatus, String reason, int sequence, Instant now) {
        return new Event(id, slug, title, summary, description, start, end, timeZone, startsAt, endsAt, venue,
                agenda, talks, speakers, sponsors, tickets, codeOfConductUrl, tags, aliases, newStatus, reason,
                previousStartsAt, version + 1, sequence, createdAt, now, imported);
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
}
