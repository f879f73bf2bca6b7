package io.handbill.ical;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IcsTextTest {

    @Test
    void text_escapesBackslashSemicolonCommaAndLineBreaks() {
        assertThat(IcsText.text("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    }

    @Test
    void text_dropsControlCharactersThatCouldEndALineOrHideText() {
        assertThat(IcsText.text("tab\there\u0000\u001b[31m\u007f")).isEqualTo("tab\there[31m");
    }

    @Test
    void text_keepsSurrogatePairsAndDropsUnpairedSurrogates() {
        assertThat(IcsText.text("🎉\ud800x\udc00")).isEqualTo("🎉x");
    }

    @Test
    void text_cannotInjectAProperty() {
        String hostile = "Talk\r\nEND:VEVENT\r\nBEGIN:VEVENT";

        assertThat(IcsText.text(hostile)).doesNotContain("\r").doesNotContain("\n")
                .isEqualTo("Talk\\nEND:VEVENT\\nBEGIN:VEVENT");
    }

    @Test
    void quotedParam_usesCaretEncodingForQuotesCaretsAndNewlines() {
        assertThat(IcsText.quotedParam("Leeds \"DevOps\"; ^ Co:\nop")).isEqualTo("\"Leeds ^'DevOps^'; ^^ Co:^nop\"");
    }

    @Test
    void plain_keepsPunctuationButDropsLineBreaks() {
        assertThat(IcsText.plain("mailto:a,b;c@example.org\r\nX")).isEqualTo("mailto:a,b;c@example.orgX");
    }
}
