package io.handbill.sync.ics;

import io.handbill.model.Venue;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.SafeUrl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LOCATION (and GEO) to a venue, as far as the text goes: Meetup writes {@code Name (street, city)}, Luma and
 * Eventbrite {@code Name, street, city postcode, country}; an online event's LOCATION is its link.
 */
final class VenueText {
    private static final Pattern MEETUP = Pattern.compile("(.+?)\\s*\\((.+)\\)\\s*");
    private static final Pattern UK_POSTCODE = Pattern.compile(
            "(?i)^(.*?)\\s*\\b([A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2})$");
    private static final Set<String> COUNTRIES = Set.of("uk", "united kingdom", "england", "scotland", "wales",
            "northern ireland", "ireland", "usa", "us", "united states", "canada", "germany", "deutschland", "france",
            "netherlands", "spain", "italy", "australia", "new zealand", "india");
    private static final int MAX_LINES = 6;

    private VenueText() {
    }

    static Venue of(String location, Double latitude, Double longitude) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String text = location.strip();
        if (SafeUrl.isSafe(text) && !text.contains(" ")) {
            return new Venue("Online", List.of(), null, null, null, text, null, null, null);
        }
        String name;
        List<String> parts;
        Matcher meetup = MEETUP.matcher(text);
        if (meetup.matches()) {
            name = meetup.group(1);
            parts = split(meetup.group(2));
        } else {
            List<String> all = split(text);
            if (all.isEmpty()) {
                return null;
            }
            name = all.get(0);
            parts = new ArrayList<>(all.subList(1, all.size()));
        }
        String country = null;
        if (!parts.isEmpty() && COUNTRIES.contains(parts.get(parts.size() - 1).toLowerCase(Locale.ROOT))) {
            country = parts.remove(parts.size() - 1);
        }
        String postcode = null;
        String city = null;
        if (!parts.isEmpty()) {
            String last = parts.remove(parts.size() - 1);
            Matcher code = UK_POSTCODE.matcher(last);
            if (code.matches()) {
                postcode = code.group(2).toUpperCase(Locale.ROOT);
                city = code.group(1).isBlank() ? null : code.group(1);
                if (city == null && !parts.isEmpty()) {
                    city = parts.remove(parts.size() - 1);
                }
            } else {
                city = last;
            }
        }
        if (parts.size() > MAX_LINES) {
            List<String> head = new ArrayList<>(parts.subList(0, MAX_LINES - 1));
            head.add(String.join(", ", parts.subList(MAX_LINES - 1, parts.size())));
            parts = head;
        }
        boolean place = latitude != null && longitude != null;
        return new Venue(cut(name), parts.stream().map(VenueText::cut).toList(), cut(city), postcode, cut(country),
                null, place ? latitude : null, place ? longitude : null, null);
    }

    private static List<String> split(String text) {
        return new ArrayList<>(Arrays.stream(text.split("\\s*[,\\n]\\s*")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
    }

    private static String cut(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= EventDraftValidator.MAX_NAME ? text : text.substring(0, EventDraftValidator.MAX_NAME - 1) + "…";
    }
}
