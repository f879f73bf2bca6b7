package io.handbill.reminder;

import io.handbill.rsvp.Attendee;
import io.handbill.rsvp.AttendeeState;
import io.handbill.rsvp.RsvpStore;
import io.handbill.store.Page;

import java.util.ArrayList;
import java.util.List;

/** An event's GOING attendees: they get the reminder windows' mails even if not subscribed. */
@FunctionalInterface
public interface GoingAttendees {
    /** A sweep that mails subscribers only. */
    GoingAttendees NONE = eventId -> List.of();

    List<Attendee> list(String eventId);

    static GoingAttendees of(RsvpStore store) {
        return eventId -> {
            var going = new ArrayList<Attendee>();
            String cursor = null;
            do {
                Page<Attendee> page = store.list(eventId, cursor, 500);
                page.items().stream().filter(a -> a.state() == AttendeeState.GOING).forEach(going::add);
                cursor = page.nextCursor();
            } while (cursor != null);
            return going;
        };
    }
}
