package io.handbill.local.importer.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the clock times of a post, in the order it lists them, into date-times on the event's day.
 *
 * <p>A time written with am/pm or on the 24-hour clock is taken as written. A bare {@code 6:45} could be morning or
 * evening; the rule is:
 * <ol>
 *   <li>The first bare time of an <em>evening</em> event is pm ({@code 8:00} → 20:00). In any other event it is
 *       read as a daytime hour between 08:00 and 19:59 ({@code 9:30} → 09:30, {@code 6:45} → 18:45).</li>
 *   <li>Every later bare time is the earliest reading, am or pm, that is not before the time listed before it
 *       ({@code 8:05} after 19:20 → 20:05). A time that is earlier than the one before it on every reading that day
 *       is after midnight ({@code 12:30} after 23:00 → 00:30 the next day).</li>
 * </ol>
 * Agendas list times in order, so the sequence decides; the evening cue only settles where the list starts.
 */
final class AgendaClock {
    static final int DAYTIME_FROM_HOUR = 8;
    private static final int DAY = 24 * 60;

    private final LocalDate day;
    private final boolean evening;
    private Integer previous;

    AgendaClock(LocalDate day, boolean evening) {
        this.day = day;
        this.evening = evening;
    }

    /** The next time in the post's order. */
    LocalDateTime next(ClockTime time) {
        int minutes = previous == null ? first(time) : after(previous, time);
        previous = minutes;
        return day.atStartOfDay().plusMinutes(minutes);
    }

    /** A list of times in order, each read after the one before it. */
    List<LocalDateTime> all(List<ClockTime> times) {
        List<LocalDateTime> result = new ArrayList<>();
        times.forEach(t -> result.add(next(t)));
        return result;
    }

    private int first(ClockTime time) {
        if (time.isUnambiguous()) {
            return time.minutesAsWritten();
        }
        int morning = time.minutesAsWritten() % (12 * 60);
        int afternoon = morning + 12 * 60;
        if (evening) {
            return time.hour() == 12 ? morning + 12 * 60 : afternoon;
        }
        return time.hour() >= DAYTIME_FROM_HOUR && time.hour() < 12 ? morning : afternoon;
    }

    private static int after(int previous, ClockTime time) {
        int written = time.minutesAsWritten() % DAY;
        List<Integer> readings = time.isUnambiguous()
                ? List.of(written, written + DAY)
                : List.of(written % (12 * 60), written % (12 * 60) + 12 * 60,
                written % (12 * 60) + DAY, written % (12 * 60) + 12 * 60 + DAY);
        int dayStart = previous / DAY * DAY;
        return readings.stream().map(r -> r + dayStart).filter(r -> r >= previous).min(Integer::compare)
                .orElse(written + dayStart + DAY);
    }
}
