package io.handbill.render;

import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.HumanTime;
import io.handbill.model.RsvpSettings;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;
import io.handbill.model.Speaker;
import io.handbill.model.Sponsor;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;
import io.handbill.validation.SafeUrl;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything the event page template shows, worked out in Java (formatted times, checked links, sanitised Markdown) so
 * the template only lays it out. Every link here is absolute http(s) or null.
 *
 * @param endIso the end for machines, or {@code null} when the organiser gave none (the end is then a guess)
 */
public record EventView(Event event, String url, CalendarLinks calendar, CallToAction action, Picture cover,
                        String startIso, String endIso, String day, String hours, String timeZone,
                        String rescheduledFrom, String rescheduledFromIso,
                        SafeHtml description, List<AgendaRow> agenda, List<TalkView> talks, VenueView venue,
                        List<TicketView> tickets, List<SponsorView> sponsors, String codeOfConductUrl,
                        SafeHtml jsonLd, RsvpView rsvp) {

    /**
     * The RSVP form, when the event takes RSVPs: it posts to the API without JavaScript; the API's answer page says
     * whether the person got a place or the waitlist. {@code capacityNote} is what the page can know when it is
     * rendered; live counts are at {@code availabilityUrl} (JSON, cached for seconds).
     */
    public record RsvpView(String formAction, String availabilityUrl, String question, String capacityNote,
                           String window) {
        public String scriptPath() {
            return SitePaths.RSVP_SCRIPT;
        }
    }

    /** A row of the agenda table; {@code talkAnchor} links to the talk's section when the slot is a talk. */
    public record AgendaRow(String startIso, String time, String title, String talkAnchor, String speakers) {
    }

    public record TalkView(String anchor, String title, SafeHtml summary, List<SpeakerView> speakers) {
    }

    public record SpeakerView(String name, String position, SafeHtml bio, String url) {
    }

    public record VenueView(String name, String url, List<String> address, String mapUrl, String accessNotes) {
    }

    public record TicketView(String label, String url, String price) {
    }

    public record SponsorView(String name, String url, String provides) {
    }

    /**
     * The one big button at the top of the page: where a reader says they are coming.
     *
     * @param note what it costs, beside the button ("Free", "£5.00 or £8.00")
     */
    public record CallToAction(String label, String href, String note) {
    }

    public static EventView of(Event e, SiteConfig site) {
        boolean rescheduled = e.previousStartsAt() != null && e.status() == EventStatus.PUBLISHED;
        List<TicketView> tickets = tickets(e.tickets());
        Picture cover = Picture.of(e, site);
        RsvpView rsvp = rsvp(e, site);
        return new EventView(e, site.eventUrl(e.slug()), CalendarLinks.forEvent(e, site), action(e, tickets, rsvp),
                cover, When.iso(e.start(), e.zone()), e.endIsOpen() ? null : When.iso(e.end(), e.zone()),
                HumanTime.day(e.zonedStart()),
                HumanTime.hours(e),
                e.timeZone(),
                rescheduled ? HumanTime.dayAndTime(e.previousStartsAt().atZone(e.zone())) : null,
                rescheduled ? When.iso(e.previousStartsAt(), e.zone()) : null,
                Markdown.toHtml(e.description(), 2), agenda(e), talks(e), venue(e.venue()), tickets,
                sponsors(e.sponsors()), safe(e.codeOfConductUrl()), EventJsonLd.of(e, site, cover), rsvp);
    }

    /** The RSVP form when the event takes RSVPs, else the first ticket link; none for a cancelled event. */
    private static CallToAction action(Event e, List<TicketView> tickets, RsvpView rsvp) {
        if (e.status() == EventStatus.CANCELLED) {
            return null;
        }
        if (rsvp != null) {
            return new CallToAction("RSVP", "#rsvp", "Free");
        }
        if (tickets.isEmpty()) {
            return null;
        }
        return new CallToAction("Get a ticket", tickets.get(0).url(), prices(tickets));
    }

    private static RsvpView rsvp(Event e, SiteConfig site) {
        RsvpSettings r = e.rsvp();
        if (r == null || !r.enabled() || e.status() != EventStatus.PUBLISHED) {
            return null;
        }
        String capacity = r.capacity() == null ? "Free; everyone who RSVPs has a place."
                : r.capacity() + " places. When they are taken you join the waitlist, and a place that comes free goes "
                + "to the first on it.";
        String window = (r.opensAt() == null ? "" : "RSVPs open " + HumanTime.dayAndTime(r.opensAt().atZone(e.zone()))
                + ". ") + (r.closesAt() == null ? "" : "RSVPs close "
                + HumanTime.dayAndTime(r.closesAt().atZone(e.zone())) + ".");
        return new RsvpView(site.url(SitePaths.RSVPS), site.url(SitePaths.availability(e.slug())),
                r.question(), capacity, window.isBlank() ? null : window.strip());
    }

    public boolean cancelled() {
        return event.status() == EventStatus.CANCELLED;
    }

    /** "The ODI Node Leeds, Leeds": the venue in a few words. */
    public String place() {
        Venue v = event.venue();
        return v.city() == null || v.city().isBlank() || v.name().contains(v.city()) && v.name().endsWith(v.city())
                ? v.name() : v.name() + ", " + v.city();
    }

    /** "Free", or the distinct prices: "£5.00 or £8.00". */
    public String ticketSummary() {
        return prices(tickets);
    }

    private static String prices(List<TicketView> tickets) {
        return String.join(" or ", tickets.stream().map(TicketView::price).distinct().toList());
    }

    private static List<AgendaRow> agenda(Event e) {
        return e.agenda().stream().map(item -> {
            Talk talk = item.talkId() == null ? null : e.talk(item.talkId());
            return new AgendaRow(When.iso(item.start(), e.zone()), HumanTime.slot(item.start(), item.end()),
                    item.title(), talk == null ? null : anchor(talk), talk == null ? null : speakerNames(e, talk));
        }).toList();
    }

    private static List<TalkView> talks(Event e) {
        return e.talks().stream().map(t -> new TalkView(anchor(t), t.title(), Markdown.toHtml(t.summary(), 3),
                speakersOf(e, t).map(EventView::speaker).toList())).toList();
    }

    private static SpeakerView speaker(Speaker s) {
        String position = Stream.of(s.role(), s.organisation()).filter(p -> p != null && !p.isBlank())
                .reduce((role, org) -> role + ", " + org).orElse(null);
        return new SpeakerView(s.name(), position, Markdown.toHtml(s.bio(), 4), safe(s.url()));
    }

    private static Stream<Speaker> speakersOf(Event e, Talk t) {
        return t.speakerIds().stream().map(e::speaker).filter(Objects::nonNull);
    }

    private static String speakerNames(Event e, Talk t) {
        List<String> names = speakersOf(e, t).map(Speaker::name).toList();
        return names.isEmpty() ? null : String.join(" and ", names);
    }

    /** Talk ids are organiser text: the anchor keeps only characters that are safe and valid in an id. */
    private static String anchor(Talk t) {
        return "talk-" + (t.id() == null ? "" : t.id().replaceAll("[^A-Za-z0-9_-]", "-"));
    }

    private static VenueView venue(Venue v) {
        if (v == null) {
            return null;
        }
        List<String> address = address(v);
        return new VenueView(v.name(), safe(v.url()), address, mapUrl(v, address), v.accessNotes());
    }

    static List<String> address(Venue v) {
        List<String> address = new ArrayList<>(v.addressLines());
        Stream.of(v.city(), v.postcode(), v.country()).filter(p -> p != null && !p.isBlank()).forEach(address::add);
        return List.copyOf(address);
    }

    /** OpenStreetMap at the venue's coordinates, or a search for its address: a link, never a script. */
    private static String mapUrl(Venue v, List<String> address) {
        if (v.hasCoordinates()) {
            String lat = BigDecimal.valueOf(v.latitude()).toPlainString();
            String lon = BigDecimal.valueOf(v.longitude()).toPlainString();
            return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=18/" + lat + "/" + lon;
        }
        List<String> parts = new ArrayList<>();
        parts.add(v.name());
        parts.addAll(address);
        return "https://www.openstreetmap.org/search?query=" + encode(String.join(", ", parts));
    }

    private static List<TicketView> tickets(List<TicketLink> tickets) {
        return tickets.stream().filter(t -> SafeUrl.isSafe(t.url()))
                .map(t -> new TicketView(t.label(), t.url(), price(t))).toList();
    }

    private static String price(TicketLink t) {
        if (t.free() || t.price() == null) {
            return "Free";
        }
        try {
            NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
            format.setCurrency(Currency.getInstance(t.currency()));
            return format.format(t.price());
        } catch (IllegalArgumentException | NullPointerException unknownCurrency) {
            return t.price().toPlainString() + (t.currency() == null ? "" : " " + t.currency());
        }
    }

    private static List<SponsorView> sponsors(List<Sponsor> sponsors) {
        return sponsors.stream().map(s -> new SponsorView(s.name(), safe(s.url()), s.provides())).toList();
    }

    private static String safe(String url) {
        return SafeUrl.isSafe(url) ? url : null;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
