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
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
