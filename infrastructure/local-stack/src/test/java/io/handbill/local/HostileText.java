package io.handbill.local;

import java.util.List;
import java.util.Random;

/**
 * Strings an attacker or a broken client sends: control characters, NUL, C1 controls and non-characters, bidi
 * overrides, path traversal, markup, huge and empty values, invalid dates, zones and DST gaps. None of them names
 * a Java class or says "exception", so such words in a response can only come from the server's internals.
 */
final class HostileText {
    static final List<String> SHORT = List.of(
            "", " ", "\u0000", "a\u0000b", "\t\r\n", "\u0085", "\uFFFE", "\uFEFF", "\u202Eevil", "\u200B",
            "\uD83D\uDE00", "\uD800", "\uDC00x", "\u001B[31m", "../../etc/passwd", "..\\..\\win.ini", "%2e%2e%2f",
            "/404.html", "/robots.txt", "/admin/index.html", "/admin/config.json", "//evil.example/x", "/events/x",
            "/assets/site.css", "/./x", "/a/../b", "/a b", "<script>alert(1)</script>", "\"><img src=x onerror=1>",
            "javascript:alert(1)", "https://x.org/\"onmouseover=\"1", "data:text/html,hi", "'; DROP TABLE e;--",
            "${jndi:ldap://x/a}", "{{7*7}}", "%s%s%n", "\\u0000", "null", "true", "0", "-1", "NaN", "Infinity",
            "é", "e\u0301", "ǅ", "İ", "ß", "\u00A0", "\u2028", "\u2029", "CON", "a/b", "a?b#c", "a%00b");
    static final List<String> DATE_TIMES = List.of(
            "2030-03-31T01:30:00", "2030-10-27T01:30:00", "2017-09-26T18:45:00Z", "2017-09-26T18:45:00+01:00",
            "2017-09-26 18:45", "2017-02-30T10:00:00", "2017-13-01T10:00:00", "0000-01-01T00:00:00",
            "+999999999-12-31T23:59:59", "-999999999-01-01T00:00:00", "9999-12-31T23:59:59.999999999",
            "2017-09-26T24:00:00", "2017-09-26T18:45:60", "2017-09-26", "18:45", "", "2017-09-26T18:45:00.1234567891",
            "１２０１７-09-26T18:45:00", "2017-W39-2T18:45", "1970-01-01T00:00:00", "2038-01-19T03:14:08");
    static final List<String> ZONES = List.of(
            "Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Chatham", "UTC", "Z", "+01:00",
            "GMT+1", "Etc/GMT-14", "Europe/Lond", "europe/london", "Europe/../etc", "", " Europe/London",
            "Europe/London\u0000", "America/Argentina/ComodRivadavia", "SystemV/EST5", "EST", "\u0085");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 -_/.é✓\u0000\u0085\uFFFE<>&\"'";

    private HostileText() {
    }

    static String any(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(random, SHORT);
            case 2 -> randomChars(random, 1 + random.nextInt(40));
            case 3 -> huge(random);
            case 4 -> pick(random, SHORT) + randomChars(random, random.nextInt(8)) + pick(random, SHORT);
            default -> randomCodePoints(random, 1 + random.nextInt(20));
        };
    }

    /** Up to past the API's 256 KB body limit and the 255-character key and segment limits. */
    static String huge(Random random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> 256;
            case 1 -> 1 + random.nextInt(5_000);
            case 2 -> 70_000;
            default -> 300_000;
        };
        return "x".repeat(length);
    }

    static String randomChars(Random random, int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** Any code point, unpaired surrogates and non-characters included. */
    static String randomCodePoints(Random random, int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = random.nextBoolean() ? random.nextInt(0x250) : random.nextInt(0x110000);
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
