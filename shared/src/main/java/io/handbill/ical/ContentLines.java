package io.handbill.ical;

/**
 * Writes iCalendar content lines (RFC 5545 §3.1): CRLF after each, and any line longer than 75 octets of UTF-8
 * folded onto continuation lines that start with a space, never inside a multi-byte character.
 */
final class ContentLines {
    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private final StringBuilder out;

    ContentLines(int expectedChars) {
        out = new StringBuilder(expectedChars);
    }

    /** {@code name} may carry parameters ({@code DTSTART;TZID=Europe/London}); {@code value} is already encoded. */
    ContentLines line(String name, String value) {
        fold(name + ":" + value);
        return this;
    }

    /** A TEXT property, escaped here; nothing is written for a null or blank value. */
    ContentLines text(String name, String value) {
        if (value != null && !value.isBlank()) {
            line(name, IcsText.text(value));
        }
        return this;
    }

    private void fold(String line) {
        int octets = 0;
        int written = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < line.length()
                    && Character.isLowSurrogate(line.charAt(i + 1));
            int size = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (octets + size > MAX_OCTETS) {
                out.append(line, written, i).append(CRLF).append(' ');
                written = i;
                octets = 1;
            }
            octets += size;
            if (pair) {
                i++;
            }
        }
        out.append(line, written, line.length()).append(CRLF);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
