package io.handbill.local.importer.post;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Short keys for talks and speakers from their titles and names: {@code Bryan Boreham} → {@code bryan-boreham}. */
final class Ids {
    static final int MAX_LENGTH = 64;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Ids() {
    }

    /** A key not yet in {@code taken}, which it is added to. */
    static String unique(String text, Set<String> taken) {
        String base = of(text);
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    static String of(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String id = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-|-$", "");
        if (id.isEmpty()) {
            return "item";
        }
        if (id.length() <= MAX_LENGTH - 3) { // room for a "-2" suffix
            return id;
        }
        String cut = id.substring(0, MAX_LENGTH - 3);
        int lastDash = cut.lastIndexOf('-');
        return lastDash > 0 ? cut.substring(0, lastDash) : cut;
    }
}
