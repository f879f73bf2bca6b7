package io.handbill.subscribe;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxTest {

    @ParameterizedTest
    @CsvSource({
            "victim@example.org,          victim@example.org",
            "Victim+1@Example.org,        victim@example.org",
            "victim+a+b@example.org,      victim@example.org",
            "v.ictim@example.org,         v.ictim@example.org",
            "V.Ictim+604@Gmail.com,       victim@gmail.com",
            "v.i.c.t.i.m@googlemail.com,  victim@gmail.com",
            "+tag@example.org,            +tag@example.org",
            "...@gmail.com,               ...@gmail.com"})
    void subAddressesAndGmailDots_leadToOneMailbox_dotsElsewhereAreKept(String typed, String mailbox) {
        assertThat(Mailbox.of(typed)).isEqualTo(mailbox);
    }
}
