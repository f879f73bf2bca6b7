package io.handbill.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handbill.json.Json;
import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;
import io.handbill.model.Speaker;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;
import io.handbill.validation.SafeUrl;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema.org {@code Event} that search engines read from the page, shaped after Google's Event rich-result
 * requirements (name, startDate, location; plus endDate, eventStatus, offers, performer, organizer, description).
 */
final class EventJsonLd {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Country name or code to currency: looking one up walks every locale, so it is done once per country. */
    private static final Map<String, Optional<String>> CURRENCIES = new ConcurrentHashMap<>();

    private EventJsonLd() {
    }

    /** The JSON, escaped so that it can sit inside {@code <script type="application/ld+json">}. */
    static SafeHtml of(Event e, SiteConfig site) {
        ObjectNode event = NODES.objectNode();
        event.put("@context", "https://schema.org");
        event.put("@type", "Event");
        event.put("name", e.title());
        if (e.summary() != null) {
            event.put("description", e.summary());
        }
        event.put("url", site.eventUrl(e.slug()));
        event.put("startDate", When.iso(e.start(), e.zone()));
        if (!e.endIsOpen()) {
            // an estimated end is for calendars; search engines are told only what the organiser said
            event.put("endDate", When.iso(e.end(), e.zone()));
        }
        event.put("eventStatus", "https://schema.org/" + status(e));
        if (e.previousStartsAt() != null && e.status() == EventStatus.PUBLISHED) {
            event.put("previousStartDate", When.iso(e.previousStartsAt(), e.zone()));
        }
        event.put("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
        if (e.venue() != null) {
            event.set("location", place(e.venue()));
        }
        ArrayNode offers = event.putArray("offers");
        e.tickets().stream().filter(t -> SafeUrl.isSafe(t.url())).forEach(t -> offers.add(offer(t, e)));
        ArrayNode performers = event.putArray("performer");
        e.speakers().forEach(s -> performers.add(person(s)));
        ObjectNode organizer = event.putObject("organizer");
        organizer.put("@type", "Organization");
        organizer.put("name", site.groupName());
        organizer.put("url", site.url(SitePaths.HOME));
        if (site.organiserEmail() != null) {
            organizer.put("email", site.organiserEmail());
        }
        try {
            return new SafeHtml(forScript(Json.MAPPER.writeValueAsString(event)));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String status(Event e) {
        if (e.status() == EventStatus.CANCELLED) {
            return "EventCancelled";
        }
        return e.previousStartsAt() != null ? "EventRescheduled" : "EventScheduled";
    }

    private static ObjectNode place(Venue v) {
        ObjectNode place = NODES.objectNode();
        place.put("@type", "Place");
        place.put("name", v.name());
        if (SafeUrl.isSafe(v.url())) {
            place.put("url", v.url());
        }
        ObjectNode address = place.putObject("address");
        address.put("@type", "PostalAddress");
        if (!v.addressLines().isEmpty()) {
            address.put("streetAddress", String.join(", ", v.addressLines()));
        }
        putIfPresent(address, "addressLocality", v.city());
        putIfPresent(address, "postalCode", v.postcode());
        putIfPresent(address, "addressCountry", v.country());
        if (v.hasCoordinates()) {
            ObjectNode geo = place.putObject("geo");
            geo.put("@type", "GeoCoordinates");
            geo.put("latitude", v.latitude());
            geo.put("longitude", v.longitude());
        }
        return place;
    }

    private static ObjectNode offer(TicketLink t, Event e) {
        ObjectNode offer = NODES.objectNode();
        offer.put("@type", "Offer");
        offer.put("name", t.label());
        offer.put("url", t.url());
        offer.put("price", t.free() || t.price() == null ? "0" : t.price().toPlainString());
        String currency = t.currency() != null ? t.currency() : currencyOf(e);
        putIfPresent(offer, "priceCurrency", currency);
        offer.put("availability", "https://schema.org/InStock");
        return offer;
    }

    private static ObjectNode person(Speaker s) {
        ObjectNode person = NODES.objectNode();
        person.put("@type", "Person");
        person.put("name", s.name());
        putIfPresent(person, "jobTitle", s.role());
        if (s.organisation() != null) {
            ObjectNode worksFor = person.putObject("worksFor");
            worksFor.put("@type", "Organization");
            worksFor.put("name", s.organisation());
        }
        if (SafeUrl.isSafe(s.url())) {
            person.put("url", s.url());
        }
        return person;
    }

    /** A free ticket has no currency of its own: take a paid ticket's, else the venue country's. */
    private static String currencyOf(Event e) {
        return e.tickets().stream().map(TicketLink::currency).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> countryCurrency(e.venue() == null ? null : e.venue().country()));
    }

    private static String countryCurrency(String country) {
        return country == null ? null : CURRENCIES.computeIfAbsent(country.toLowerCase(Locale.ROOT),
                c -> Optional.ofNullable(lookUpCurrency(c))).orElse(null);
    }

    private static String lookUpCurrency(String country) {
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            if (code.equalsIgnoreCase(country) || locale.getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(country)) {
                Currency currency = Currency.getInstance(locale);
                return currency == null ? null : currency.getCurrencyCode();
            }
        }
        return null;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    /**
     * Inside a script element only {@code </script}, {@code <!--} and line separators matter; escaping every
     * {@code <}, {@code >} and {@code &} as JSON unicode escapes keeps the JSON identical and the element closed.
     */
    static String forScript(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
