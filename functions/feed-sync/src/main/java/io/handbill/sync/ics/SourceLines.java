package io.handbill.sync.ics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The VEVENTs' content lines as the file has them, unfolded, each with the physical line it starts on: warnings name
 * lines (the parser keeps no positions), and date-times are read from the text as written (ical4j re-formats a
 * date-time through its zone registry, which fails for a TZID it does not know). VEVENTs are numbered in file order,
 * as the parser lists them; lines of components nested in them (VALARM) are left out.
 */
final class SourceLines {
    /** One property: {@code name;params:value}, starting on {@code line}. */
    record ContentLine(int line, String name, String params, String value) {
        Optional<String> parameter(String parameter) {
            for (String p : splitOutsideQuotes(params, ';')) {
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase(parameter)) {
                    return Optional.of(p.substring(eq + 1).strip().replaceAll("^\"|\"$", ""));
                }
            }
            return Optional.empty();
        }
    }

    private record Block(int begin, List<ContentLine> lines) {
    }

    private final List<Block> events = new ArrayList<>();

    SourceLines(String text) {
        String[] physical = text.split("\r\n|\r|\n", -1);
        List<int[]> starts = new ArrayList<>();
        List<StringBuilder> logical = new ArrayList<>();
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && !logical.isEmpty()) {
                logical.get(logical.size() - 1).append(line, 1, line.length());
            } else {
                logical.add(new StringBuilder(line));
                starts.add(new int[]{i + 1});
            }
        }
        Block current = null;
        int nested = 0;
        for (int i = 0; i < logical.size(); i++) {
            String line = logical.get(i).toString();
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("BEGIN:VEVENT")) {
                current = new Block(starts.get(i)[0], new ArrayList<>());
                events.add(current);
                nested = 0;
            } else if (current != null && upper.startsWith("BEGIN:")) {
                nested++;
            } else if (current != null && upper.startsWith("END:VEVENT")) {
                current = null;
            } else if (current != null && upper.startsWith("END:")) {
                nested--;
            } else if (current != null && nested == 0) {
                current.lines().add(parse(starts.get(i)[0], line));
            }
        }
    }

    /** The line of the n-th VEVENT's BEGIN (0 when the file has fewer). */
    int event(int index) {
        return index < events.size() ? events.get(index).begin() : 0;
    }

    /** The line where the n-th VEVENT's property {@code name} starts, else the VEVENT's own line. */
    int property(int index, String name) {
        return first(index, name).map(ContentLine::line).orElse(event(index));
    }

    Optional<ContentLine> first(int index, String name) {
        return all(index, name).stream().findFirst();
    }

    List<ContentLine> all(int index, String name) {
        if (index >= events.size()) {
            return List.of();
        }
        return events.get(index).lines().stream().filter(l -> l.name().equalsIgnoreCase(name)).toList();
    }

    private static ContentLine parse(int line, String text) {
        int colon = -1;
        boolean quoted = false;
        for (int i = 0; i < text.length() && colon < 0; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                colon = i;
            }
        }
        String head = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        int semicolon = head.indexOf(';');
        return new ContentLine(line, semicolon < 0 ? head : head.substring(0, semicolon),
                semicolon < 0 ? "" : head.substring(semicolon + 1), value);
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
