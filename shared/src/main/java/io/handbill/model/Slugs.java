package io.handbill.model;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: {@code 2017-09-26-leeds-devops-kubernetes-networking}. */
public final class Slugs {
    public static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final int MAX_LENGTH = 100;
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Slugs() {
    }

    /** The date, then the title's letters and digits in lower-case ASCII, cut at a word boundary. */
    public static String from(LocalDate date, String title) {
        String words = words(title);
        String slug = words.isEmpty() ? date.toString() : date + "-" + words;
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        String cut = slug.substring(0, MAX_LENGTH);
        int lastDash = cut.lastIndexOf('-');
        return lastDash > 10 ? cut.substring(0, lastDash) : cut;
    }

    /** The title's letters and digits in lower-case ASCII, joined by dashes; empty when it has none. */
    public static String words(String title) {
        String ascii = MARKS.matcher(Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD))
                .replaceAll("");
        return NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", "");
    }

    /** {@code base-2}, {@code base-3}, … for when {@code base} is taken. */
    public static String numbered(String base, int n) {
        String suffix = "-" + n;
        String head = base.length() + suffix.length() > MAX_LENGTH ? base.substring(0, MAX_LENGTH - suffix.length())
                : base;
        return head.replaceAll("-$", "") + suffix;
    }
}
