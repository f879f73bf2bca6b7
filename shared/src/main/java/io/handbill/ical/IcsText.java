package io.handbill.ical;

/**
 * Escaping of untrusted text for iCalendar: TEXT property values (RFC 5545 §3.3.11) and quoted parameter values
 * (RFC 6868). Characters a content line may not hold (controls other than tab, unpaired surrogates) are dropped, so
 * no input can end a line early or inject a property. Text that needs nothing is returned as it is, uncopied.
 */
final class IcsText {
    /** Per ASCII character: what replaces it, "" to drop it, null to keep it. */
    private static final String[] TEXT = table();
    private static final String[] PARAM = table();
    private static final String[] PLAIN = table();

    static {
        TEXT['\\'] = "\\\\";
        TEXT[';'] = "\\;";
        TEXT[','] = "\\,";
        TEXT['\n'] = "\\n";
        PARAM['^'] = "^^";
        PARAM['"'] = "^'";
        PARAM['\n'] = "^n";
    }

    private IcsText() {
    }

    /** A TEXT value: backslash, semicolon and comma escaped, any line break as {@code \n}. */
    static String text(String value) {
        return escape(value, TEXT);
    }

    /** A parameter value, always quoted; {@code ^}, {@code "} and line breaks use RFC 6868's caret encoding. */
    static String quotedParam(String value) {
        return "\"" + escape(value, PARAM) + "\"";
    }

    /** A value of a type with no escaping (URI, CAL-ADDRESS): only characters a content line may hold. */
    static String plain(String value) {
        return escape(value, PLAIN);
    }

    private static String escape(String value, String[] ascii) {
        StringBuilder out = null;
        int kept = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement;
            if (c < 0x80) {
                // CRLF and a lone CR are line breaks too: drop the CR of a pair, treat a lone one as LF
                boolean crOfPair = c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n';
                replacement = c != '\r' ? ascii[c] : crOfPair ? "" : ascii['\n'];
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            } else {
                replacement = Character.isSurrogate(c) ? "" : null;
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(value.length() + 16);
                }
                out.append(value, kept, i).append(replacement);
                kept = i + 1;
            }
        }
        return out == null ? value : out.append(value, kept, value.length()).toString();
    }

    private static String[] table() {
        var table = new String[0x80];
        for (char c = 0; c < 0x20; c++) {
            table[c] = c == '\t' ? null : "";
        }
        table[0x7f] = "";
        return table;
    }
}
