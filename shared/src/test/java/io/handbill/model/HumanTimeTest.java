package io.handbill.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class HumanTimeTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZonedDateTime SEED_START = ZonedDateTime.of(2017, 9, 26, 18, 45, 0, 0, LONDON);

    @Test
    void september_isAbbreviatedSep_asInEnglishEverywhere_notEnGbSept() {
        assertThat(HumanTime.shortDay(SEED_START)).isEqualTo("Tue 26 Sep 2017");
        assertThat(HumanTime.shortDayAndTime(SEED_START)).isEqualTo("Tue 26 Sep, 18:45");
        assertThat(HumanTime.day(SEED_START)).isEqualTo("Tuesday 26 September 2017");
    }

    @Test
    void zone_isTheBritishAbbreviation_forTheSeasonOfThatInstant() {
        assertThat(HumanTime.zone(SEED_START)).isEqualTo("BST");
        assertThat(HumanTime.zone(SEED_START.withMonth(1))).isEqualTo("GMT");
        assertThat(HumanTime.dayAndTime(SEED_START)).isEqualTo("Tuesday 26 September 2017 at 18:45 BST");
    }

    @Test
    void span_namesTheEndsDay_onlyWhenItEndsOnALaterDate() {
        assertThat(HumanTime.span(SEED_START, SEED_START.withHour(23).withMinute(0))).isEqualTo("18:45 – 23:00");
        assertThat(HumanTime.hours(SEED_START, SEED_START.withHour(23).withMinute(0))).isEqualTo("18:45 – 23:00 BST");
        assertThat(HumanTime.span(SEED_START, SEED_START.plusHours(7)))
                .isEqualTo("18:45 – Wednesday 27 September 2017, 01:45");
    }

    @Test
    void slot_isOpenEnded_withoutAnEnd() {
        LocalDateTime nine = LocalDateTime.of(2017, 9, 26, 21, 0);
        assertThat(HumanTime.slot(nine, null)).isEqualTo("21:00 – late");
        assertThat(HumanTime.slot(nine.minusMinutes(15), nine)).isEqualTo("20:45 – 21:00");
    }

    @Test
    void zone_isTheEnglishAbbreviation_outsideBritainToo() {
        ZonedDateTime newYork = LocalDateTime.of(2027, 7, 13, 18, 30).atZone(ZoneId.of("America/New_York"));
        assertThat(HumanTime.zone(newYork)).isEqualTo("EDT");
        assertThat(HumanTime.zone(newYork.withMonth(1))).isEqualTo("EST");
        assertThat(HumanTime.hours(newYork, newYork.plusHours(2))).isEqualTo("18:30 – 20:30 EDT");
    }

    @Test
    void hours_labelEachEnd_whenTheClocksChangeInBetween() {
        ZonedDateTime start = LocalDateTime.of(2027, 10, 30, 23, 30).atZone(ZoneId.of("Europe/London"));
        ZonedDateTime end = start.plusHours(4);
        assertThat(HumanTime.hours(start, end)).isEqualTo("23:30 BST – Sunday 31 October 2027, 02:30 GMT");
        assertThat(HumanTime.when(start, end))
                .isEqualTo("Saturday 30 October 2027, 23:30 BST – Sunday 31 October 2027, 02:30 GMT (Europe/London)");
    }
}
