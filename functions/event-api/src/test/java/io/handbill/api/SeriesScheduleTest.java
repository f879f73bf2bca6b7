package io.handbill.api;

import io.handbill.validation.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesScheduleTest {

    @Test
    void secondTuesdayOfTheMonth_givesTheSecondTuesdays() {
        var schedule = SeriesSchedule.of("FREQ=MONTHLY;BYDAY=2TU", LocalDate.of(2027, 2, 1));

        assertThat(schedule.dates(LocalDate.of(2027, 2, 1), 4)).containsExactly(LocalDate.of(2027, 2, 9),
                LocalDate.of(2027, 3, 9), LocalDate.of(2027, 4, 13), LocalDate.of(2027, 5, 11));
    }

    @Test
    void everyOtherThursday_startsFromTheFirstDate() {
        var schedule = SeriesSchedule.of("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", LocalDate.of(2027, 1, 4));

        assertThat(schedule.dates(LocalDate.of(2027, 1, 20), 3)).containsExactly(LocalDate.of(2027, 1, 21),
                LocalDate.of(2027, 2, 4), LocalDate.of(2027, 2, 18));
    }

    @Test
    void countEndsTheRule() {
        var schedule = SeriesSchedule.of("FREQ=MONTHLY;BYDAY=1MO;COUNT=2", LocalDate.of(2027, 1, 1));

        assertThat(schedule.dates(LocalDate.of(2027, 1, 1), 6)).hasSize(2);
        assertThat(schedule.isDate(LocalDate.of(2027, 2, 1))).isTrue();
        assertThat(schedule.isDate(LocalDate.of(2027, 2, 2))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "FREQ=MONTHLY;BYDAY=9XX", "nonsense", "FREQ=HOURLY", "FREQ=DAILY;BYHOUR=9",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=MONTHLY;COUNT=3;UNTIL=20200101"})
    void invalidOrEmptyRules_nameTheRuleField(String rule) {
        assertThat(SeriesSchedule.check(rule, LocalDate.of(2027, 1, 1))).get().extracting(FieldError::field)
                .isEqualTo("rule");
    }

    @Test
    void aValidRule_hasNoProblem() {
        assertThat(SeriesSchedule.check("FREQ=MONTHLY;BYDAY=2TU", LocalDate.of(2027, 1, 1))).isEmpty();
    }
}
