package io.handbill.subscribe;

import io.handbill.model.Event;
import io.handbill.rsvp.Attendee;
import io.handbill.rsvp.RsvpStore;
import io.handbill.subscriber.SubscriberTokens;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** RSVPs written straight to the store, as if people had asked and not yet opened their confirm link. */
final class PendingRsvps {
    private PendingRsvps() {
    }

    /** {@code n} PENDING RSVPs ("Person i", person{i}@example.org) to {@code event}, and their confirm tokens. */
    static List<String> write(RsvpService service, RsvpStore store, SubscriberTokens tokens, Clock clock, Event event,
                              int n) {
        var confirmTokens = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            String email = "person" + i + "@example.org";
            String id = service.attendeeId(event.id(), email);
            store.create(Attendee.pending(event.id(), id, email, "Person " + i, null, clock.instant()),
                    clock.instant().plus(Duration.ofHours(48)));
            confirmTokens.add(tokens.token(SubscriberTokens.Purpose.RSVP_CONFIRM, event.id() + "/" + id,
                    clock.instant().plus(Duration.ofHours(48))));
        }
        return confirmTokens;
    }
}
