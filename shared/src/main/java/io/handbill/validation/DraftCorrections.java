package io.handbill.validation;

import io.handbill.model.AgendaItem;
import io.handbill.model.EventDraft;
import io.handbill.model.TicketLink;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the API corrects in a draft before validating it, because the organiser's intent is unambiguous. Saving and
 * previewing both start here, so a preview shows what a save would store.
 */
public final class DraftCorrections {
    private DraftCorrections() {
    }

    /** A new event's draft as it is validated and stored. */
    public static EventDraft ofNew(EventDraft submitted) {
        return endWhenLeftOpen(currencyInCapitals(submitted));
    }

    /** An edit of the event whose draft is {@code stored}, as it is validated and stored. */
    public static EventDraft ofEdit(EventDraft stored, EventDraft submitted) {
        return endWhenLeftOpen(agendaFollowsStart(stored, currencyInCapitals(submitted)));
    }

    /** "gbp" is GBP: currency codes are case-insensitive to people, upper case in ISO 4217. */
    static EventDraft currencyInCapitals(EventDraft draft) {
        if (draft.tickets().stream().allMatch(t -> t.currency() == null || t.currency().equals(upper(t.currency())))) {
            return draft;
        }
        List<TicketLink> tickets = draft.tickets().stream()
                .map(t -> t.currency() == null ? t
                        : new TicketLink(t.label(), t.url(), t.free(), t.price(), upper(t.currency())))
                .toList();
        return draft.toBuilder().tickets(tickets).build();
    }

    /**
     * Moving an event moves its programme: when the start changes and the agenda is sent back exactly as stored,
     * the organiser moved the date and left the agenda alone, so every slot moves by the same amount. An agenda
     * the organiser edited in the same request is taken as sent.
     */
    static EventDraft agendaFollowsStart(EventDraft stored, EventDraft edited) {
        if (edited.start() == null || stored.start().equals(edited.start()) || edited.agenda().isEmpty()
                || !Objects.equals(stored.agenda(), edited.agenda())) {
            return edited;
        }
        Duration by = Duration.between(stored.start(), edited.start());
        List<AgendaItem> moved = edited.agenda().stream().map(item -> item.movedBy(by)).toList();
        return edited.toBuilder().agenda(moved).build();
    }

    /** What a meetup without an end is assumed to take, for calendars; the page says "from 19:00". */
    static final Duration ASSUMED_LENGTH = Duration.ofHours(3);

    /**
     * An event may be open-ended: without an end (or still marked open-ended) it gets an estimated end — three hours,
     * or later if the agenda runs longer — so that calendars, feeds and "past" still work, and is marked open-ended.
     */
    static EventDraft endWhenLeftOpen(EventDraft draft) {
        boolean open = draft.end() == null || Boolean.TRUE.equals(draft.openEnded());
        if (draft.start() == null || !open) {
            return draft.openEnded() == null ? draft : draft.toBuilder().openEnded(null).build();
        }
        LocalDateTime end = draft.start().plus(ASSUMED_LENGTH);
        for (AgendaItem item : draft.agenda()) {
            LocalDateTime last = item.end() != null ? item.end()
                    : item.start() == null ? null : item.start().plusMinutes(30);
            if (last != null && last.isAfter(end)) {
                end = last;
            }
        }
        return draft.toBuilder().end(end).openEnded(Boolean.TRUE).build();
    }

    private static String upper(String currency) {
        return currency.strip().toUpperCase(Locale.ROOT);
    }
}
