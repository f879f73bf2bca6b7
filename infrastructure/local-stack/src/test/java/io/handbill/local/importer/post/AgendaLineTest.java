package io.handbill.local.importer.post;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaLineTest {

    @Test
    void rangeWithColon_givesStartEndAndTitle() {
        AgendaLine line = AgendaLine.parse("6:45 - 7:15 : Doors open, have a chat").orElseThrow();

        assertThat(line.start()).isEqualTo(new ClockTime(6, 45, null, false));
        assertThat(line.end()).isEqualTo(new ClockTime(7, 15, null, false));
        assertThat(line.late()).isFalse();
        assertThat(line.title()).isEqualTo("Doors open, have a chat");
    }

    @Test
    void late_isOpenEnded() {
        AgendaLine line = AgendaLine.parse("9:00 - late : Decamp to the Wardrobe").orElseThrow();

        assertThat(line.end()).isNull();
        assertThat(line.late()).isTrue();
        assertThat(line.title()).isEqualTo("Decamp to the Wardrobe");
    }

    @Test
    void otherSpellings_areAgendaLines() {
        assertThat(AgendaLine.parse("7pm Doors open")).hasValueSatisfying(l -> {
            assertThat(l.start()).isEqualTo(new ClockTime(7, 0, "pm", false));
            assertThat(l.title()).isEqualTo("Doors open");
        });
        assertThat(AgendaLine.parse("18.30–19.00 | Pizza")).hasValueSatisfying(l -> {
            assertThat(l.start()).isEqualTo(new ClockTime(18, 30, null, true));
            assertThat(l.title()).isEqualTo("Pizza");
        });
        assertThat(AgendaLine.parse("7:15 - Group updates")).hasValueSatisfying(l -> {
            assertThat(l.end()).isNull();
            assertThat(l.title()).isEqualTo("Group updates");
        });
    }

    @Test
    void prose_isNotAnAgendaLine() {
        assertThat(AgendaLine.parse("2 - 3 people per team")).isEmpty();
        assertThat(AgendaLine.parse("After our summer break we return")).isEmpty();
        assertThat(AgendaLine.parse("25:00 - 26:00 : nothing")).isEmpty();
    }

    @Test
    void talkLine_splitsTitleAndSpeakersAtTheLastDash() {
        assertThat(TalkLine.parse("Watch out! The nanoservices are coming - Matthew Clark"))
                .contains(new TalkLine("Watch out! The nanoservices are coming", List.of("Matthew Clark")));
        assertThat(TalkLine.parse("\"CI - the hard parts\" - Ana López and Bob O'Neil"))
                .contains(new TalkLine("CI - the hard parts", List.of("Ana López", "Bob O'Neil")));
    }

    @Test
    void talkLine_needsPeoplesNamesAfterTheDash() {
        assertThat(TalkLine.parse("Doors open - have a chat")).isEmpty();
        assertThat(TalkLine.parse("Group updates/news/announcements")).isEmpty();
        assertThat(TalkLine.parse("Lightning talks - Everyone")).isEmpty();
    }
}
