package io.handbill.reminder;

import io.handbill.rsvp.Attendee;
import io.handbill.rsvp.AttendeeState;
import io.handbill.rsvp.RsvpStore;
import io.handbill.store.Page;

import java.util.ArrayList;
import java.util.List;

/** The addresses of an event's GOING attendees: they get the reminder windows' mails even if not subscribed. */
@FunctionalInterface
public interface GoingAttendees {
    /** A sweep that mails subscribers only. */
    GoingAttendees NONE = eventId -> List.of();

    List<String> emails(String eventId);

    static GoingAttendees of(RsvpStore store) {
        return eventId -> {
            var emails = new ArrayList<String>();
            String cursor = null;
            do {
                Page<Attendee> page = store.list(eventId, cursor, 500);
                page.items().stream().filter(a -> a.state() == AttendeeState.GOING).map(Attendee::email)
                        .forEach(emails::add);
                cursor = page.nextCursor();
            } while (cursor != null);
            return emails;
        };
    }
}
