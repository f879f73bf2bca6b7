package io.handbill.mail;

import io.handbill.fixtures.Fixtures;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LetterheadTest {
    private static final Instant NOW = Instant.parse("2026-09-01T10:00:00Z");
    private final Letterhead letterhead = Letterhead.of(Fixtures.SITE, "events@example.org",
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mail_isFromTheGroup_datedNow_withAMessageIdOfTheSite_andMarkedAutomatic() throws Exception {
        byte[] raw = letterhead.mail("ann@example.org", "Hello", "confirm.abc")
                .body(MimeMail.alternative("text", "<p>html</p>")).toBytes();

        var message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Leeds DevOps");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("events@example.org");
        assertThat(message.getHeader("To", null)).isEqualTo("ann@example.org");
        assertThat(message.getSubject()).isEqualTo("Hello");
        assertThat(message.getSentDate()).isEqualTo(Date.from(NOW));
        assertThat(message.getMessageID()).isEqualTo("<confirm.abc@events.example.org>");
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    }
}
