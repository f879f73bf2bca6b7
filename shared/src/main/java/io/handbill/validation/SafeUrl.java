package io.handbill.validation;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Links organisers type end up in pages, feeds and mail: only absolute http(s) URLs with a host, valid by RFC 3986
 * and the WHATWG URL standard (so that every page that carries one is valid HTML), and without a user name or
 * password in them. Non-ASCII letters are allowed (browsers percent-encode them), invisible and spacing characters
 * are not.
 */
public final class SafeUrl {
    /** RFC 3986 unreserved, reserved and '%'; '[' and ']' only make sense around an IPv6 host, checked below. */
    private static final String ASCII_ALLOWED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%";
    private static final Pattern LABEL = Pattern.compile("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private SafeUrl() {
    }

    public static boolean isSafe(String value) {
        if (value == null || value.isBlank() || value.length() > 2000 || !hasOnlyUrlCodePoints(value)) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null
                    && isHostAndPort(uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean hasOnlyUrlCodePoints(String value) {
        int hashes = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c < 0x80) {
                if (ASCII_ALLOWED.indexOf(c) < 0) {
                    return false;
                }
                if (c == '%' && !(i + 2 < value.length() && isHex(value.charAt(i + 1)) && isHex(value.charAt(i + 2)))) {
                    return false;
                }
                if (c == '#' && ++hashes > 1) {
                    return false;
                }
            } else if (!CleanText.isAllowed(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** {@code host[:port]} with a DNS name (internationalised names allowed), an IPv4 or a bracketed IPv6 address. */
    private static boolean isHostAndPort(String authority) {
        if (authority.contains("@")) {
            return false;
        }
        String host = authority;
        int portAt = authority.lastIndexOf(':');
        if (portAt > authority.lastIndexOf(']')) {
            String port = authority.substring(portAt + 1);
            host = authority.substring(0, portAt);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
                return false;
            }
        }
        if (host.startsWith("[")) {
            return host.endsWith("]") && host.length() > 2 && host.substring(1, host.length() - 1)
                    .chars().allMatch(c -> c == ':' || c == '.' || isHex((char) c));
        }
        if (host.contains("[") || host.contains("]") || host.contains("%")) {
            return false;
        }
        if (IPV4.matcher(host).matches()) {
            return true;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host.endsWith(".") ? host.substring(0, host.length() - 1) : host);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return false;
        }
        String[] labels = ascii.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // a name ending in a number is an IPv4 address to a browser, and this one is not a valid one
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
