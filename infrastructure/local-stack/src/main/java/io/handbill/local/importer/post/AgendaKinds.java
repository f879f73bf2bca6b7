package io.handbill.local.importer.post;

import io.handbill.model.AgendaKind;

import java.util.Locale;
import java.util.regex.Pattern;

/** What kind of slot an agenda line is, from the words meetup posts use. Talks are recognised by {@link TalkLine}. */
final class AgendaKinds {
    private static final Pattern DOORS = Pattern.compile("\\b(doors|arrivals?|arrive|registration)\\b");
    private static final Pattern BREAK = Pattern.compile("\\b(intermission|interval|break|pizza|food|refreshments)\\b");
    private static final Pattern SOCIAL = Pattern.compile("\\b(decamp|pub|drinks|bar|social|beers?)\\b");

    private AgendaKinds() {
    }

    static AgendaKind of(String title) {
        String lower = title.toLowerCase(Locale.ROOT);
        if (DOORS.matcher(lower).find()) {
            return AgendaKind.DOORS;
        }
        if (BREAK.matcher(lower).find()) {
            return AgendaKind.BREAK;
        }
        if (SOCIAL.matcher(lower).find()) {
            return AgendaKind.SOCIAL;
        }
        return AgendaKind.OTHER;
    }
}
