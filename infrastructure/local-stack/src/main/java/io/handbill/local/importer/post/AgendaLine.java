package io.handbill.local.importer.post;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a post's running order: {@code 6:45 - 7:15 : Doors open}, {@code 9:00 - late : Decamp to the pub},
 * {@code 7pm Doors open}.
 *
 * @param end {@code null} when the line gives no end, or ends "late"
 * @param late the line ends "late" (or "close", "midnight"): the slot is open-ended
 */
record AgendaLine(ClockTime start, ClockTime end, boolean late, String title) {
    private static final String TIME = "(?<h%1$s>\\d{1,2})(?:[:.](?<m%1$s>\\d{2}))?\\s*(?<ap%1$s>[ap]\\.?m\\b\\.?)?";
    private static final String DASH = "(?:-|–|—|to|until|till)";
    private static final Pattern LINE = Pattern.compile("^" + TIME.formatted("1")
            + "(?:\\s*" + DASH + "\\s*(?:" + TIME.formatted("2") + "|(?<late>late|close|midnight)\\b))?"
            + "\\s*[:|\\-–—]?\\s*(?<title>\\S.*)$", Pattern.CASE_INSENSITIVE);

    static Optional<AgendaLine> parse(String text) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        ClockTime start = ClockTime.from(m, "1");
        ClockTime end = m.group("h2") == null ? null : ClockTime.from(m, "2");
        boolean late = m.group("late") != null;
        // "2 - 3 people" is not a time: a time has minutes, am/pm, or an end that is "late"
        boolean looksLikeTime = start != null && (m.group("m1") != null || m.group("ap1") != null || late);
        if (!looksLikeTime || m.group("h2") != null && end == null) {
            return Optional.empty();
        }
        String title = m.group("title").strip();
        return Optional.of(new AgendaLine(start, end, late, title));
    }
}
