package io.handbill.mail;

import io.handbill.model.SiteConfig;

import java.time.Clock;

/**
 * What every automatic mail of the site starts with: from the group's sender, dated now, a Message-ID of this site,
 * and {@code Auto-Submitted: auto-generated} (RFC 3834) so that out-of-office replies leave it alone.
 */
public record Letterhead(MailOrigin origin, Clock clock) {
    public static Letterhead of(SiteConfig site, String senderEmail, Clock clock) {
        return new Letterhead(MailOrigin.of(site, senderEmail), clock);
    }

    /** @param messageId the Message-ID's local part, the same for every send of one logical message */
    public MimeMail mail(String to, String subject, String messageId) {
        return MimeMail.create(origin.from(), to, subject, clock.instant(), origin.messageId(messageId))
                .header("Auto-Submitted", "auto-generated");
    }
}
