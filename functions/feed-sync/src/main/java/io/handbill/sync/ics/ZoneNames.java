package io.handbill.sync.ics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TZID as feeds write it, to an IANA zone: IANA names as they are, Windows names (Outlook, Exchange, some
 * Eventbrite exports) through CLDR's mapping, and IANA names behind a prefix ({@code /mozilla.org/20050126_1/Europe/London},
 * {@code /Europe/London}).
 */
final class ZoneNames {
    private static final Properties WINDOWS = load();
    private static final Set<String> IANA = ZoneId.getAvailableZoneIds();
    private static final Pattern TRAILING_IANA = Pattern.compile("([A-Za-z]+/[A-Za-z_+\\-]+(?:/[A-Za-z_+\\-]+)?)$");

    private ZoneNames() {
    }

    static Optional<ZoneId> resolve(String tzid) {
        if (tzid == null || tzid.isBlank()) {
            return Optional.empty();
        }
        String name = tzid.strip().replaceAll("^\"|\"$", "");
        if (IANA.contains(name)) {
            return Optional.of(ZoneId.of(name));
        }
        String windows = WINDOWS.getProperty(name);
        if (windows != null) {
            return Optional.of(ZoneId.of(windows));
        }
        Matcher trailing = TRAILING_IANA.matcher(name);
        if (trailing.find() && IANA.contains(trailing.group(1))) {
            return Optional.of(ZoneId.of(trailing.group(1)));
        }
        return Optional.empty();
    }

    static boolean isWindowsName(String tzid) {
        return tzid != null && WINDOWS.containsKey(tzid.strip());
    }

    private static Properties load() {
        var properties = new Properties();
        try (InputStream in = ZoneNames.class.getResourceAsStream("windows-zones.properties")) {
            if (in == null) {
                throw new IOException("windows-zones.properties is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
