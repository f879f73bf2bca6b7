package io.handbill.ical;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.handbill.ical.IcsAssertions.assertWellFormed;
import static io.handbill.ical.IcsAssertions.unfold;
import static org.assertj.core.api.Assertions.assertThat;

class ContentLinesTest {

    @Test
    void shortLine_isWrittenWholeWithCrlf() {
        assertThat(new ContentLines(16).line("VERSION", "2.0").toString()).isEqualTo("VERSION:2.0\r\n");
    }

    @Test
    void lineOfExactly75Octets_isNotFolded() {
        String value = "x".repeat(75 - "SUMMARY:".length());

        String out = new ContentLines(100).line("SUMMARY", value).toString();

        assertThat(out).isEqualTo("SUMMARY:" + value + "\r\n");
    }

    @Test
    void asciiLine_foldsAt75OctetsWithALeadingSpace() {
        String value = "y".repeat(200);

        String out = new ContentLines(300).line("SUMMARY", value).toString();

        String[] lines = out.split("\r\n");
        assertThat(lines[0]).hasSize(75);
        assertThat(lines[1]).startsWith(" ").hasSize(75);
        assertWellFormed(out);
        assertThat(unfold(out)).isEqualTo("SUMMARY:" + value + "\r\n");
    }

    @Test
    void multiByteCharacters_areNeverSplitAcrossFolds() {
        // 2-, 3- and 4-octet characters in a pattern that puts character boundaries at every offset
        String value = "é€😀ab".repeat(40);

        String out = new ContentLines(1000).text("DESCRIPTION", value).toString();

        assertWellFormed(out);
        assertThat(unfold(out)).isEqualTo("DESCRIPTION:" + value + "\r\n");
        String[] lines = out.split("\r\n");
        for (int i = 0; i < lines.length - 1; i++) {
            assertThat(lines[i].getBytes(StandardCharsets.UTF_8).length).as("line %d", i).isBetween(72, 75);
        }
    }

    @Test
    void blankText_writesNothing() {
        assertThat(new ContentLines(16).text("LOCATION", " ").text("URL", null).toString()).isEmpty();
    }
}
