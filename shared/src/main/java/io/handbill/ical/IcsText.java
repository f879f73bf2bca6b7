package io.handbill.ical;

/**
 * Escaping of untrusted text for iCalendar: TEXT property values (RFC 5545 §3.3.11) and quoted parameter values
 * (RFC 6868). Characters a content line may not hold (controls other than tab, unpaired surrogates) are dropped, so
 * no input can end a line early or inject a property.
 */
final class IcsText {
    private IcsText() {
    }

    /** A TEXT value: backslash, semicolon and comma escaped, any line break as {@code \n}. */
    static String text(String value) {
        var out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    out.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> i = appendAllowed(value, i, out);
            }
        }
        return out.toString();
    }

    /** A parameter value, always quoted; {@code ^}, {@code "} and line breaks use RFC 6868's caret encoding. */
    static String quotedParam(String value) {
        var out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '^' -> out.append("^^");
                case '"' -> out.append("^'");
                case '\n' -> out.append("^n");
                case '\r' -> {
                    out.append("^n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> i = appendAllowed(value, i, out);
            }
        }
        return out.append('"').toString();
    }

    /** A value of a type with no escaping (URI, CAL-ADDRESS): only characters a content line may hold. */
    static String plain(String value) {
        var out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            i = appendAllowed(value, i, out);
        }
        return out.toString();
    }

    /** Appends the character (or surrogate pair) at {@code i} unless a content line may not hold it. */
    private static int appendAllowed(String value, int i, StringBuilder out) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(i + 1));
            return i + 1;
        }
        boolean control = (c < 0x20 && c != '\t') || c == 0x7f;
        if (!control && !Character.isSurrogate(c)) {
            out.append(c);
        }
        return i;
    }
}
