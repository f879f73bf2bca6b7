package io.handbill.validation;

/**
 * Which characters organisers' text may hold: what HTML, XML, iCalendar and mail can all carry. Not allowed are
 * control characters other than tab and line breaks, Unicode non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the
 * last two of every plane), unpaired surrogates, and U+FFFD, which is what a body that was not valid UTF-8 turns into
 * when something on the way decoded it leniently.
 */
public final class CleanText {
    private CleanText() {
    }

    /** Whether every character of {@code text} is allowed. */
    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!isAllowed(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * {@code text} with every character {@link #isClean} would refuse (bar U+FFFD itself) replaced by U+FFFD: for
     * text that did not come through validation as it is, such as Markdown whose character references decode to
     * anything.
     */
    public static String replaceForbidden(String text) {
        StringBuilder clean = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean allowed = isAllowed(c) || c == '\t' || c == '\n' || c == '\r' || c == 0xFFFD;
            if (!allowed && clean == null) {
                clean = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (clean != null) {
                if (allowed) {
                    clean.appendCodePoint(c);
                } else {
                    clean.append('\uFFFD');
                }
            }
            i = next;
        }
        return clean == null ? text : clean.toString();
    }

    /** Whether one code point is allowed, tab and line breaks aside. */
    static boolean isAllowed(int c) {
        boolean control = c < ' ' || (c >= 0x7F && c <= 0x9F);
        boolean nonCharacter = (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
        boolean loneSurrogate = c >= 0xD800 && c <= 0xDFFF;
        return !control && !nonCharacter && !loneSurrogate && c != 0xFFFD;
    }
}
