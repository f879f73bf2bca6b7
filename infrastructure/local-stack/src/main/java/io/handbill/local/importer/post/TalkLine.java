package io.handbill.local.importer.post;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agenda title of the form {@code Title - Speaker} (or {@code Title - Speaker and Speaker}): the part after the
 * last dash is taken as speakers only when every name in it looks like a person's name (two to four capitalised
 * words), so "Doors open - have a chat" stays a plain agenda item.
 */
record TalkLine(String title, List<String> speakerNames) {
    private static final Pattern TITLE_AND_SPEAKERS = Pattern.compile("^(?<title>.+)\\s[-–—]\\s+(?<speakers>.+)$");
    private static final Pattern SPEAKER_SEPARATOR = Pattern.compile("\\s*(?:,|&|\\band\\b)\\s*");
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3}");
    private static final Pattern QUOTES = Pattern.compile("^[\"“”'‘’]+|[\"“”'‘’]+$");

    static Optional<TalkLine> parse(String agendaTitle) {
        Matcher m = TITLE_AND_SPEAKERS.matcher(agendaTitle.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> names = Arrays.stream(SPEAKER_SEPARATOR.split(m.group("speakers").strip()))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty() || !names.stream().allMatch(n -> NAME.matcher(n).matches())) {
            return Optional.empty();
        }
        return Optional.of(new TalkLine(QUOTES.matcher(m.group("title").strip()).replaceAll(""), names));
    }
}
