package io.handbill.subscribe;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.handbill.ical.IcsWriter;
import io.handbill.mail.Letterhead;
import io.handbill.mail.MimeMail;
import io.handbill.model.Event;
import io.handbill.model.HumanTime;
import io.handbill.model.SiteConfig;
import io.handbill.rsvp.Attendee;
import jakarta.mail.internet.MimeMultipart;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

/**
 * The RSVP mails: the confirm link, "you have a place" / "you're in" with the event as an iTIP REQUEST invitation
 * to that attendee, "you're on the waitlist", and "cancelled" with the iTIP CANCEL (same UID, a SEQUENCE above the
 * invitation's: {@link Attendee#invitationSequence}). Each mail after confirming carries the signed cancel link. A
 * ledgered mail's Message-ID is derived from its ledger key, so a repeat after a crash is the same message.
 */
public final class RsvpMail {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "io.handbill.subscribe.templates");

    private final SiteConfig site;
    private final Letterhead letterhead;

    public RsvpMail(SiteConfig site, String senderEmail, Clock clock) {
        this.site = site;
        this.letterhead = Letterhead.of(site, senderEmail, clock);
    }

    public byte[] confirmation(Event event, Attendee to, String token) {
        String link = site.rsvpConfirmUrl(token);
        List<String> paragraphs = List.of("Hello " + to.name() + ",",
                "someone (we hope you) said they are coming to " + event.title() + " on " + when(event) + ".",
                "To confirm, open this link within 48 hours. Until then no place is held; if it wasn't you, ignore "
                        + "this mail.");
        return message(to, "Confirm your RSVP: " + event.title(), "rsvp-confirm." + UUID.randomUUID(), paragraphs,
                link, "Confirm my RSVP", null, null, null);
    }

    /** A place: straight away ({@code sequence} order) or promoted from the waitlist. */
    public byte[] place(Event event, Attendee to, String cancelToken, String ledgerKey, boolean promoted) {
        List<String> paragraphs = List.of("Hello " + to.name() + ",", promoted
                        ? "good news: a place came free at " + event.title() + " and it is yours."
                        : "your place at " + event.title() + " is confirmed.",
                "When: " + when(event) + (event.venue() == null ? "" : ". Where: " + event.venue().name()) + ".",
                "The invitation in this mail adds it to your calendar. If you can't come any more, please cancel so "
                        + "that the next person on the waitlist gets your place.");
        String ics = IcsWriter.invitation(site, event, IcsWriter.Method.REQUEST, new IcsWriter.Attendee(to.email(),
                to.name(), "ACCEPTED", to.invitationSequence(event.icsSequence())));
        return message(to, (promoted ? "You're in: " : "You're going: ") + event.title(), messageId(ledgerKey),
                paragraphs, site.eventUrl(event.slug()), "Event details", cancelToken, ics, "REQUEST");
    }

    public byte[] waitlisted(Event event, Attendee to, String cancelToken, String ledgerKey) {
        List<String> paragraphs = List.of("Hello " + to.name() + ",",
                event.title() + " is full, so you are on the waitlist. If a place comes free it goes to the first "
                        + "person on the waitlist, and we email you with a calendar invitation straight away.");
        return message(to, "On the waitlist: " + event.title(), messageId(ledgerKey), paragraphs,
                site.eventUrl(event.slug()), "Event details", cancelToken, null, null);
    }

    /** Their place is given up: the iTIP CANCEL removes the invitation they had accepted. */
    public byte[] cancelled(Event event, Attendee to, String ledgerKey) {
        List<String> paragraphs = List.of("Hello " + to.name() + ",",
                "your RSVP to " + event.title() + " is cancelled, and your place has gone to the next person. "
                        + "Thank you for letting us know.",
                "The calendar part of this mail removes the event from your calendar. You can RSVP again on the "
                        + "event page while RSVPs are open.");
        String ics = IcsWriter.invitation(site, event, IcsWriter.Method.CANCEL, new IcsWriter.Attendee(to.email(),
                to.name(), "DECLINED", to.cancellationSequence(event.icsSequence())));
        return message(to, "RSVP cancelled: " + event.title(), messageId(ledgerKey), paragraphs,
                site.eventUrl(event.slug()), "Event details", null, ics, "CANCEL");
    }

    private String messageId(String ledgerKey) {
        return "rsvp." + ledgerKey.replace('#', '.');
    }

    private static String when(Event event) {
        return HumanTime.dayAndTime(event.zonedStart()) + " (" + event.timeZone() + ")";
    }

    private byte[] message(Attendee to, String subject, String messageId, List<String> paragraphs, String link,
                           String linkLabel, String cancelToken, String ics, String method) {
        String cancelLink = cancelToken == null ? null : site.rsvpCancelUrl(cancelToken);
        var text = new StringBuilder();
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        if (link != null) {
            text.append(linkLabel).append(": ").append(link).append("\n\n");
        }
        if (cancelLink != null) {
            text.append("Can't come any more? ").append(cancelLink).append("\n\n");
        }
        text.append("-- \n").append(site.groupName()).append("\n").append(site.siteUrl()).append("\n");
        var parameters = new HashMap<String, Object>();
        parameters.put("paragraphs", paragraphs);
        parameters.put("link", link);
        parameters.put("linkLabel", linkLabel);
        parameters.put("cancelLink", cancelLink);
        parameters.put("groupName", site.groupName());
        var html = new StringOutput();
        TEMPLATES.render("rsvp-mail.jte", parameters, html);
        MimeMultipart body = MimeMail.alternative(text.toString(), html.toString());
        if (ics != null) {
            body = MimeMail.withCalendar(body, ics, method, "invitation.ics");
        }
        return letterhead.mail(to.email(), subject, messageId)
                .body(body)
                .toBytes();
    }
}
