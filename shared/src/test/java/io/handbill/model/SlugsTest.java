package io.handbill.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {
    private static final LocalDate DAY = LocalDate.of(2017, 9, 26);

    @Test
    void titleWithPunctuationAndAccents_becomesAsciiWords() {
        assertThat(Slugs.from(DAY, "Leeds DevOps: Kubernetes Networking — Café Édition!"))
                .isEqualTo("2017-09-26-leeds-devops-kubernetes-networking-cafe-edition");
    }

    @Test
    void longTitle_isCutAtAWordBoundary() {
        String slug = Slugs.from(DAY, "word ".repeat(60));
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).matches(Slugs.FORMAT).endsWith("-word");
    }

    @Test
    void titleWithoutLetters_isJustTheDate() {
        assertThat(Slugs.from(DAY, "???")).isEqualTo("2017-09-26");
    }

    @Test
    void numbered_staysWithinTheLimit() {
        assertThat(Slugs.numbered("a".repeat(100), 12)).hasSize(100).endsWith("-12");
        assertThat(Slugs.numbered("2017-09-26-meetup", 2)).isEqualTo("2017-09-26-meetup-2");
    }
}
