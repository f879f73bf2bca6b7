package io.handbill.reminder;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.handbill.ical.IcsWriter;
import io.handbill.mail.Letterhead;
import io.handbill.mail.MimeMail;
import io.handbill.model.AgendaItem;
import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.HumanTime;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;
import io.handbill.rsvp.Attendee;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the emails of a {@link MailJob} for one subscriber: multipart/mixed of multipart/alternative (plain text and
 * HTML, times in the event's own zone) and the event as {@code text/calendar; method=PUBLISH} from the shared
 * {@link IcsWriter} (same UID as the feed, so calendars update the entry they have). Each carries a signed one-click
 * unsubscribe link (RFC 8058) and a Message-ID derived from the {@link Mailing} and subscriber, the same on every
 * retry. New events go out as a {@link #digest}.
 */
public final class ReminderMail {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "io.handbill.reminder.templates");

    private final SiteConfig site;
    private final Letterhead letterhead;
    private final SubscriberTokens tokens;

    public ReminderMail(SiteConfig site, String senderEmail, SubscriberTokens tokens, Clock clock) {
        this.site = site;
        this.letterhead = Letterhead.of(site, senderEmail, clock);
        this.tokens = tokens;
    }

    public byte[] compose(MailJob job, Event event, Subscriber subscriber) {
        return compose(job, event, subscriber, null, new Mailing(Mailing.key(job), List.of(job)));
    }

    /**
     * @param attendee the recipient's RSVP place, or {@code null}: a change then carries the iTIP REQUEST (or, once
     *                 cancelled, CANCEL) that updates the invitation in their calendar: same UID, and their own
     *                 SEQUENCE ({@link Attendee#invitationSequence}), which the change has raised above the last one
     * @param mailing  what the mail covers: a reminder that also stands for the event's announcement says it is new
     */
    byte[] compose(MailJob job, Event event, Subscriber subscriber, Attendee attendee, Mailing mailing) {
        String unsubscribeUrl = unsubscribeUrl(subscriber);
        MailView view = view(job, event, unsubscribeUrl, mailing.announces(event.id()));
        IcsWriter.Method method = attendee == null || !job.isChange() ? IcsWriter.Method.PUBLISH
                : event.status() == EventStatus.CANCELLED ? IcsWriter.Method.CANCEL : IcsWriter.Method.REQUEST;
        String ics = method == IcsWriter.Method.PUBLISH ? IcsWriter.event(site, event, method)
                : IcsWriter.invitation(site, event, method, new IcsWriter.Attendee(attendee.email(),
                attendee.name(), "ACCEPTED", attendee.invitationSequence(event.icsSequence())));
        return envelope(subscriber, subject(job, event), mailing, unsubscribeUrl)
                .body(MimeMail.withCalendar(MimeMail.alternative(text(view), html(view)), ics, method.name(),
                        event.slug() + SitePaths.ICS))
                .toBytes();
    }

    /**
     * The announcement of new events to one subscriber: for one event the announcement mail as it always was, for
     * several one mail that lists them by start, each with its page and .ics links (no attachment: one calendar part
     * per event would be a pile of attachments).
     */
    byte[] digest(List<Event> events, Subscriber subscriber, Mailing mailing) {
        if (events.size() == 1) {
            return compose(mailing.announcements().get(0), events.get(0), subscriber, null, mailing);
        }
        String unsubscribeUrl = unsubscribeUrl(subscriber);
        DigestView view = digestView(events, unsubscribeUrl);
        return envelope(subscriber, view.heading(), mailing, unsubscribeUrl)
                .body(MimeMail.alternative(DigestView.text(view), render("digest.jte", view)))
                .toBytes();
    }

    DigestView digestView(List<Event> events, String unsubscribeUrl) {
        List<DigestView.Item> items = events.stream().sorted(Comparator.comparing(Event::startsAt)
                        .thenComparing(Event::id))
                .map(event -> new DigestView.Item(event.title(), event.summary(), HumanTime.when(event),
                        event.venue() == null ? null : oneLine(event.venue()), site.eventUrl(event.slug()),
                        site.eventIcsUrl(event.slug())))
                .toList();
        String heading = items.size() + " new events from " + site.groupName();
        return new DigestView(heading, site.groupName() + " has announced " + items.size() + " new events:", items,
                unsubscribeUrl, site.groupName());
    }

    private String unsubscribeUrl(Subscriber subscriber) {
        return site.unsubscribeUrl(tokens.unsubscribeToken(subscriber.key()));
    }

    /** What every mail has: a Message-ID from mailing and recipient (the same on every retry), one-click unsubscribe. */
    private MimeMail envelope(Subscriber subscriber, String subject, Mailing mailing, String unsubscribeUrl) {
        return letterhead.mail(subscriber.email(), subject, Mailing.sha256(mailing.id() + "|" + subscriber.key()))
                .header("List-Unsubscribe", "<" + unsubscribeUrl + ">")
                .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    String subject(MailJob job, Event event) {
        String when = HumanTime.shortDayAndTime(event.zonedStart());
        if (job.isReminder()) {
            return "Reminder: " + event.title() + " — " + when;
        }
        if (!job.isChange()) {
            return "New event: " + event.title() + " — " + when;
        }
        if (event.status() == EventStatus.CANCELLED) {
            return event.displayTitle() + " — " + when;
        }
        if (job.previous() != null && job.previous().isBackOn(event)) {
            return "Back on: " + event.title() + " — " + when;
        }
        return "Changed: " + event.title() + " — now " + when;
    }

    /** @param isNew a reminder that stands for the event's announcement too: it says the event is new */
    MailView view(MailJob job, Event event, String unsubscribeUrl, boolean isNew) {
        boolean cancelled = job.isChange() && event.status() == EventStatus.CANCELLED;
        String heading;
        String intro;
        if (job.isReminder()) {
            heading = "Reminder: " + event.title();
            intro = isNew ? "A new event from " + site.groupName() + ": it starts in " + humanise(job.window()) + "."
                    : "Starts in " + humanise(job.window()) + ".";
        } else if (!job.isChange()) {
            heading = "New event: " + event.title();
            intro = site.groupName() + " has announced a new event.";
        } else if (cancelled) {
            heading = event.displayTitle();
            intro = "This event has been cancelled. Please remove it from your plans.";
        } else if (job.previous() != null && job.previous().isBackOn(event)) {
            heading = "Back on: " + event.title();
            intro = "Good news: this event is going ahead after all.";
        } else {
            heading = "Changed: " + event.title();
            intro = "This event has changed. Here is what is different:";
        }
        return new MailView(heading, intro, event.title(), event.summary(), HumanTime.when(event),
                venueLines(event.venue()), event.venue() == null ? null : event.venue().url(), agenda(event),
                job.isChange() ? changes(job.previous(), event) : List.of(), cancelled ? event.cancelReason() : null,
                // a cancelled event offers nothing to add to a calendar or book: only the page that says so
                site.eventUrl(event.slug()), cancelled ? null : site.eventIcsUrl(event.slug()),
                cancelled ? List.of() : tickets(event), unsubscribeUrl,
                site.groupName());
    }

    private List<MailView.Change> changes(Announcement before, Event now) {
        var changes = new ArrayList<MailView.Change>();
        if (now.status() == EventStatus.CANCELLED) {
            changes.add(new MailView.Change("Status", "Going ahead", "Cancelled"));
        } else if (before.isBackOn(now)) {
            changes.add(new MailView.Change("Status", "Cancelled", "Going ahead"));
        }
        if (before.timeChanged(now)) {
            ZonedDateTime oldStart = before.zonedStart();
            ZonedDateTime oldEnd = before.end().atZone(oldStart.getZone());
            changes.add(new MailView.Change("When", HumanTime.when(oldStart, oldEnd),
                    HumanTime.when(now.zonedStart(), now.zonedEnd())));
        }
        if (before.venueChanged(now)) {
            changes.add(new MailView.Change("Where", oneLine(before.venue()), oneLine(now.venue())));
        }
        return changes;
    }


    static String humanise(Duration window) {
        if (window.toHours() % 24 == 0 && window.toDays() > 1) {
            return window.toDays() + " days";
        }
        if (window.toMinutes() % 60 == 0) {
            return window.toHours() == 1 ? "1 hour" : window.toHours() + " hours";
        }
        return window.toMinutes() + " minutes";
    }

    private static List<String> venueLines(Venue venue) {
        if (venue == null) {
            return List.of();
        }
        var lines = new ArrayList<String>();
        if (venue.name() != null) {
            lines.add(venue.name());
        }
        lines.addAll(venue.addressLines());
        String town = Stream.of(venue.city(), venue.postcode()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        if (!town.isEmpty()) {
            lines.add(town);
        }
        return lines;
    }

    private static String oneLine(Venue venue) {
        return venue == null ? "to be announced" : String.join(", ", venueLines(venue));
    }

    private static List<MailView.Slot> agenda(Event event) {
        return event.agenda().stream().map(item -> slot(event, item)).toList();
    }

    private static MailView.Slot slot(Event event, AgendaItem item) {
        String time = HumanTime.slot(item.start(), item.end());
        Talk talk = item.talkId() == null ? null : event.talk(item.talkId());
        String speakers = talk == null ? null : talk.speakerIds().stream().map(event::speaker)
                .filter(Objects::nonNull).map(Speaker::name).collect(Collectors.joining(", "));
        return new MailView.Slot(time, item.title(), speakers == null || speakers.isEmpty() ? null : speakers);
    }

    private static List<MailView.Link> tickets(Event event) {
        return event.tickets().stream().map(ReminderMail::ticket).toList();
    }

    private static MailView.Link ticket(TicketLink ticket) {
        String price = ticket.free() ? "free" : ticket.price() + " " + ticket.currency();
        return new MailView.Link(ticket.label() + " (" + price + ")", ticket.url());
    }

    private static String html(MailView view) {
        return render("mail.jte", view);
    }

    private static String render(String template, Object view) {
        var out = new StringOutput();
        TEMPLATES.render(template, view, out);
        return out.toString();
    }

    static String text(MailView view) {
        var out = new StringBuilder();
        out.append(view.heading()).append("\n\n").append(view.intro()).append("\n\n");
        for (MailView.Change change : view.changes()) {
            out.append(change.what()).append(": ").append(change.before()).append(" → ").append(change.after())
                    .append('\n');
        }
        if (view.cancelReason() != null) {
            out.append("Why: ").append(view.cancelReason()).append('\n');
        }
        if (!view.changes().isEmpty() || view.cancelReason() != null) {
            out.append('\n');
        }
        out.append(view.title()).append('\n');
        if (view.summary() != null) {
            out.append(view.summary()).append('\n');
        }
        out.append("\nWhen: ").append(view.when()).append('\n');
        if (!view.venueLines().isEmpty()) {
            out.append("Where: ").append(String.join(", ", view.venueLines())).append('\n');
        }
        if (!view.agenda().isEmpty()) {
            out.append("\nAgenda:\n");
            for (MailView.Slot slot : view.agenda()) {
                out.append("  ").append(slot.time()).append("  ").append(slot.title());
                if (slot.detail() != null) {
                    out.append(" — ").append(slot.detail());
                }
                out.append('\n');
            }
        }
        for (MailView.Link ticket : view.tickets()) {
            out.append("\nTickets: ").append(ticket.label()).append(": ").append(ticket.url());
        }
        out.append("\n\nEvent page: ").append(view.eventUrl());
        if (view.icsUrl() != null) {
            out.append("\nAdd to calendar: ").append(view.icsUrl());
        }
        out.append("\n\n-- \nYou get this because you asked ").append(view.groupName())
                .append(" for event emails.\nUnsubscribe: ").append(view.unsubscribeUrl()).append('\n');
        return out.toString();
    }
}
