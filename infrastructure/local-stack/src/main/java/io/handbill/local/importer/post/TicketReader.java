package io.handbill.local.importer.post;

import io.handbill.model.TicketLink;
import io.handbill.validation.SafeUrl;
import org.jsoup.nodes.Element;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links to ticket sites (Eventbrite, meetup.com) become ticket links: free when their paragraph or section says
 * "free", priced when it names a price (£5, €10, $15). A link with neither stays in the description, since a ticket
 * link must be one or the other. A paragraph whose every link became a ticket leaves the description.
 */
final class TicketReader {
    private static final Pattern FREE = Pattern.compile("\\bfree\\b");
    private static final Pattern PRICE = Pattern.compile("(?<symbol>[£€$])\\s?(?<amount>\\d{1,5}(?:\\.\\d{2})?)");
    private static final Map<String, String> CURRENCIES = Map.of("£", "GBP", "€", "EUR", "$", "USD");
    private static final Pattern HEADING = Pattern.compile("(?i)^(tickets?|registration|rsvp)\\b");

    private TicketReader() {
    }

    static List<TicketLink> take(PostBody body, Warnings warnings) {
        Optional<Section> section = Section.find(body, HEADING);
        List<TicketLink> tickets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<Element> paragraphs = new LinkedHashSet<>();
        for (Element link : body.root().select("a[href]")) {
            String url = link.attr("href");
            Optional<String> site = site(url);
            if (site.isEmpty() || !SafeUrl.isSafe(url)) {
                continue;
            }
            Element paragraph = link.closest("p, li");
            String context = lower((paragraph == null ? link.text() : paragraph.text()) + " "
                    + section.filter(s -> paragraph != null && s.blocks().contains(paragraph)).map(Section::text).orElse(""));
            Matcher price = PRICE.matcher(context);
            TicketLink ticket;
            if (FREE.matcher(context).find()) {
                ticket = new TicketLink(site.get(), url, true, null, null);
            } else if (price.find()) {
                ticket = new TicketLink(site.get(), url, false, new BigDecimal(price.group("amount")),
                        CURRENCIES.get(price.group("symbol")));
            } else {
                warnings.at(link, "ticket link " + url + " says neither free nor a price: left in the description");
                continue;
            }
            if (seen.add(url)) {
                tickets.add(ticket);
            }
            if (paragraph != null) {
                paragraphs.add(paragraph);
            }
        }
        for (Element paragraph : paragraphs) {
            if (paragraph.select("a[href]").stream().allMatch(a -> seen.contains(a.attr("href")))) {
                Text.removeWithEmptyParents(paragraph);
            }
        }
        section.ifPresent(Section::removeHeadingIfEmpty);
        return tickets;
    }

    private static Optional<String> site(String url) {
        try {
            String host = URI.create(url).getHost();
            String h = host == null ? "" : lower(host);
            if (List.of(h.split("\\.")).contains("eventbrite")) { // eventbrite.co.uk, group.eventbrite.com, …
                return Optional.of("Eventbrite");
            }
            return h.equals("meetup.com") || h.endsWith(".meetup.com") ? Optional.of("Meetup") : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
