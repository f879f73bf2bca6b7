package io.handbill.reminder;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.Venue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What subscribers were last told about an event. The sweep compares each public event with this to find the changes
 * people must hear about; comparing against what was mailed (rather than the previous version) means two quick edits
 * make one notice, and an edit that was undone makes none.
 */
public record Announcement(String eventId, EventStatus status, LocalDateTime start, LocalDateTime end,
                           String timeZone, Venue venue, int icsSequence) {

    public static Announcement of(Event event) {
        return new Announcement(event.id(), event.status(), event.start(), event.end(), event.timeZone(),
                event.venue(), event.icsSequence());
    }

    /** Whether {@code now} differs from this in a way subscribers must be mailed about. */
    public boolean needsNotice(Event now) {
        if (status == EventStatus.CANCELLED) {
            return isBackOn(now);
        }
        if (status != EventStatus.PUBLISHED) {
            return false;
        }
        return now.status() == EventStatus.CANCELLED || timeChanged(now) || venueChanged(now);
    }

    /** Subscribers were told it was cancelled, and it is going ahead after all. */
    public boolean isBackOn(Event now) {
        return status == EventStatus.CANCELLED && now.status() == EventStatus.PUBLISHED;
    }

    public boolean timeChanged(Event now) {
        ZoneId zone = ZoneId.of(timeZone);
        return !start.atZone(zone).toInstant().equals(now.startsAt())
                || !end.atZone(zone).toInstant().equals(now.endsAt());
    }

    /** Only where people have to go counts; a fixed typo in the access notes is not worth an email. */
    public boolean venueChanged(Event now) {
        return !Objects.equals(place(venue), place(now.venue()));
    }

    @JsonIgnore
    public ZonedDateTime zonedStart() {
        return start.atZone(ZoneId.of(timeZone));
    }

    private static Object place(Venue venue) {
        return venue == null ? null : List.of(String.valueOf(venue.name()), venue.addressLines(),
                String.valueOf(venue.city()), String.valueOf(venue.postcode()));
    }
}
