package io.handbill.subscriber;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Syntax check and lookup form of an email address. Deliberately narrower than RFC 5322 (no quoted local parts,
 * comments or address literals, ASCII only): what people type into a form, and nothing that could smuggle a
 * header line or a second recipient into a message.
 */
public final class EmailAddresses {
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern LOCAL = Pattern.compile(ATEXT + "(\\." + ATEXT + ")*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

    private EmailAddresses() {
    }

    /** Whether {@code typed}, stripped of surrounding blanks, is an address we accept. */
    public static boolean isValid(String typed) {
        if (typed == null) {
            return false;
        }
        String address = typed.strip();
        int at = address.indexOf('@');
        if (address.length() > 254 || at < 1 || at != address.lastIndexOf('@')) {
            return false;
        }
        String local = address.substring(0, at);
        String[] labels = address.substring(at + 1).split("\\.", -1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
    }

    /**
     * The lookup key: stripped and lower-cased. Mail providers treat local parts case-insensitively in practice, so
     * {@code Ann@Example.org} and {@code ann@example.org} are one subscriber.
     */
    public static String normalise(String typed) {
        return typed.strip().toLowerCase(Locale.ROOT);
    }
}
