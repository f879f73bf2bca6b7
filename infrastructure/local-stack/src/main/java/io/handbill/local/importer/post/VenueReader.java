package io.handbill.local.importer.post;

import io.handbill.model.Venue;
import io.handbill.validation.SafeUrl;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a "Venue" (or "Location", "Where") section: "NAME is situated at ADDRESS, on STREET." gives the name and
 * address lines; the first link (or bare URL) in the section is the venue's page; any other sentence without a link
 * becomes access notes. The city comes from a title ending "… in CITY". What the post does not say (postcode, country,
 * coordinates) stays empty for the organiser to add.
 */
final class VenueReader {
    private static final Pattern HEADING = Pattern.compile("(?i)^(venue|location|where)\\b");
    private static final Pattern NAME_AND_ADDRESS = Pattern.compile(
            "^(?<name>.+?) (?:is|are) (?:situated |located |based |found |held )?(?:at|in|on) (?<address>.+)$");
    private static final Pattern LEADING_PREPOSITION = Pattern.compile("^(?:on|in|at)\\s+");
    private static final Pattern CITY_IN_TITLE = Pattern.compile("\\bin (?<city>\\p{Lu}[\\p{L}'-]*(?: \\p{Lu}[\\p{L}'-]*)*)\\s*$");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");
    /** UK postcodes, as the default zone is Europe/London: LS1 5AB, LS9 8AG, EC1A 1BB. */
    private static final Pattern POSTCODE = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}");
    static final Pattern BARE_URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)]");

    private VenueReader() {
    }

    static Optional<Venue> take(PostBody body, String title, Warnings warnings) {
        Optional<Section> section = Section.find(body, HEADING);
        if (section.isEmpty()) {
            warnings.general("no Venue section: the event has no venue");
            return Optional.empty();
        }
        String name = null;
        List<String> address = List.of();
        String url = firstUrl(section.get());
        List<String> notes = new ArrayList<>();
        for (String sentence : SENTENCE.split(section.get().text())) {
            String plain = sentence.replaceAll("[.]$", "").strip();
            Matcher m = NAME_AND_ADDRESS.matcher(plain);
            if (name == null && m.matches()) {
                name = m.group("name");
                address = Arrays.stream(m.group("address").split(",\\s*"))
                        .map(part -> LEADING_PREPOSITION.matcher(part.strip()).replaceFirst(""))
                        .filter(part -> !part.isEmpty()).toList();
            } else if (!BARE_URL.matcher(sentence).find() && !sentence.isBlank()) {
                notes.add(sentence.strip());
            }
        }
        if (name == null) {
            warnings.at(section.get().heading(), "could not read a venue name (\"NAME is at ADDRESS\") in the Venue "
                    + "section: it stays in the description");
            return Optional.empty();
        }
        section.get().blocks().forEach(Element::remove);
        section.get().removeHeadingIfEmpty();
        return Optional.of(venue(name, address, title, url, notes));
    }

    /**
     * A last address part that is a postcode becomes the postcode, and a one-word part just before it the city
     * ("1 Park Row, Leeds, LS1 5AB"); otherwise the city is the one the title names ("… in Leeds").
     */
    private static Venue venue(String name, List<String> address, String title, String url, List<String> notes) {
        List<String> lines = new ArrayList<>(address);
        String postcode = null;
        String city = null;
        if (!lines.isEmpty() && POSTCODE.matcher(lines.get(lines.size() - 1)).matches()) {
            postcode = lines.remove(lines.size() - 1);
            if (lines.size() > 1 && lines.get(lines.size() - 1).matches("\\p{Lu}[\\p{L}'-]+")) {
                city = lines.remove(lines.size() - 1);
            }
        }
        Matcher cityInTitle = CITY_IN_TITLE.matcher(title);
        if (city == null && cityInTitle.find()) {
            city = cityInTitle.group("city");
        }
        return new Venue(name, lines, city, postcode, null, url, null, null,
                notes.isEmpty() ? null : String.join(" ", notes));
    }

    private static String firstUrl(Section section) {
        for (Element block : section.blocks()) {
            for (Element link : block.select("a[href]")) {
                if (SafeUrl.isSafe(link.attr("href"))) {
                    return link.attr("href");
                }
            }
        }
        Matcher bare = BARE_URL.matcher(section.text());
        return bare.find() && SafeUrl.isSafe(bare.group()) ? bare.group() : null;
    }
}
