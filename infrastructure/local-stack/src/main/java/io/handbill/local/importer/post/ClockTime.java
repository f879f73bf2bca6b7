package io.handbill.local.importer.post;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * A time of day as a post writes it: {@code 6:45}, {@code 7pm}, {@code 19:15}, {@code 09.30}.
 *
 * @param meridiem {@code "am"}, {@code "pm"} or {@code null} when the post did not say
 * @param twentyFourHour written on the 24-hour clock (an hour of 0 or 13–23, or a leading zero as in 09:30)
 */
record ClockTime(int hour, int minute, String meridiem, boolean twentyFourHour) {

    /** Reads groups {@code <h>}, {@code <m>} and {@code <ap>} with the given suffix; {@code null} if out of range. */
    static ClockTime from(Matcher m, String suffix) {
        String h = m.group("h" + suffix);
        String min = m.group("m" + suffix);
        String ap = m.group("ap" + suffix);
        int hour = Integer.parseInt(h);
        int minute = min == null ? 0 : Integer.parseInt(min);
        String meridiem = ap == null ? null : ap.toLowerCase(Locale.ROOT).replace(".", "");
        boolean twentyFour = meridiem == null && (hour == 0 || hour >= 13 || h.length() == 2 && h.startsWith("0"));
        if (hour > 23 || minute > 59 || meridiem != null && (hour == 0 || hour > 12)) {
            return null;
        }
        return new ClockTime(hour, minute, meridiem, twentyFour);
    }

    /** Said plainly: am/pm given, or the 24-hour clock. */
    boolean isUnambiguous() {
        return meridiem != null || twentyFourHour;
    }

    /** Minutes after midnight when read as written; for a bare time, its morning reading. */
    int minutesAsWritten() {
        int h = hour;
        if ("pm".equals(meridiem) && hour < 12) {
            h += 12;
        } else if ("am".equals(meridiem) && hour == 12) {
            h = 0;
        }
        return h * 60 + minute;
    }
}
