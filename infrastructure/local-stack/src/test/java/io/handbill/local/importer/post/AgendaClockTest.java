package io.handbill.local.importer.post;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The am/pm rule for bare agenda times, written out in {@link AgendaClock}. */
class AgendaClockTest {
    private static final LocalDate DAY = LocalDate.of(2017, 9, 26);
    private static final Pattern TIME = Pattern.compile("(?<h>\\d{1,2})(?::(?<m>\\d{2}))?(?<ap>am|pm)?");

    @Test
    void eveningMeetup_bareTimesAreEvening_andFollowTheSequence() {
        assertThat(read(true, "6:45", "7:15", "7:20", "8:05", "8:20", "9:00"))
                .containsExactly(at("18:45"), at("19:15"), at("19:20"), at("20:05"), at("20:20"), at("21:00"));
    }

    @Test
    void eveningCue_decidesAStartThatCouldBeMorning() {
        assertThat(read(true, "8:00", "9:30")).containsExactly(at("20:00"), at("21:30"));
        assertThat(read(false, "8:00", "9:30")).containsExactly(at("08:00"), at("09:30"));
    }

    @Test
    void withoutEveningCue_firstBareTimeIsADaytimeHourFrom8To7() {
        assertThat(read(false, "6:45")).containsExactly(at("18:45"));
        assertThat(read(false, "7:59")).containsExactly(at("19:59"));
        assertThat(read(false, "12:15")).containsExactly(at("12:15"));
    }

    @Test
    void daytimeWorkshop_crossesNoonByTheSequence() {
        assertThat(read(false, "9:30", "10:00", "12:30", "1:30", "5:00"))
                .containsExactly(at("09:30"), at("10:00"), at("12:30"), at("13:30"), at("17:00"));
    }

    @Test
    void explicitMeridiemAnd24HourTimes_areTakenAsWritten() {
        assertThat(read(true, "09:00", "10:30")).containsExactly(at("09:00"), at("10:30"));
        assertThat(read(false, "7pm", "8:15")).containsExactly(at("19:00"), at("20:15"));
        assertThat(read(true, "11am", "12:00")).containsExactly(at("11:00"), at("12:00"));
        assertThat(read(false, "18:00", "7:00", "22:00")).containsExactly(at("18:00"), at("19:00"), at("22:00"));
    }

    @Test
    void lateEvening_runsPastMidnightIntoTheNextDay() {
        assertThat(read(true, "10:00", "11:30", "12:30", "1:00"))
                .containsExactly(at("22:00"), at("23:30"), DAY.plusDays(1).atTime(0, 30), DAY.plusDays(1).atTime(1, 0));
    }

    private static List<LocalDateTime> read(boolean evening, String... times) {
        AgendaClock clock = new AgendaClock(DAY, evening);
        return clock.all(Arrays.stream(times).map(AgendaClockTest::time).toList());
    }

    private static ClockTime time(String text) {
        Matcher m = TIME.matcher(text);
        assertThat(m.matches()).isTrue();
        return ClockTime.from(m, "");
    }

    private static LocalDateTime at(String time) {
        return DAY.atTime(java.time.LocalTime.parse(time));
    }
}
