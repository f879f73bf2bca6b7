package io.handbill.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Links organisers type end up in pages, feeds and mail: only absolute http(s) URLs with a host are allowed. */
public final class SafeUrl {
    private SafeUrl() {
    }

    public static boolean isSafe(String value) {
        if (value == null || value.isBlank() || value.length() > 2000 || value.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
