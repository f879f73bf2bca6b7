package io.handbill.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MailRejectedExceptionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "MessageRejected|MessageRejected",
            "BadRequestException|BadRequestException",
            "Email address is on the suppression list: ann@example.org|Rejected",
            "ann@example.org|Rejected",
            "'MessageRejected\nann@example.org'|Rejected"})
    void keepsOnlyAnErrorCode_neverTheProvidersText(String given, String reason) {
        var rejected = new MailRejectedException(given);

        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.getMessage()).isEqualTo("Message rejected: " + reason).doesNotContain("@");
    }
}
