package io.handbill.mail;

import io.handbill.model.SiteConfig;
import jakarta.mail.internet.InternetAddress;

import java.net.URI;

/**
 * Where the group's mails come from: the sender address under the group's name, and the site's host, which
 * Message-IDs end in so that they are unique to this site.
 */
public record MailOrigin(InternetAddress from, String host) {
    public static MailOrigin of(SiteConfig site, String senderEmail) {
        return new MailOrigin(MimeMail.address(senderEmail, site.groupName()), URI.create(site.siteUrl()).getHost());
    }

    /** {@code <local@host>}: a Message-ID of this site. */
    public String messageId(String local) {
        return "<" + local + "@" + host + ">";
    }
}
