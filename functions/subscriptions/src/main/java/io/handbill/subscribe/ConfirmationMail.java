package io.handbill.subscribe;

import io.handbill.mail.MailOrigin;
import io.handbill.mail.MimeMail;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.Subscriber;

import java.time.Clock;
import java.util.UUID;

/** The double opt-in mail: text and HTML with the signed confirm link. */
public final class ConfirmationMail {
    private final SiteConfig site;
    private final MailOrigin origin;
    private final Pages pages;
    private final Clock clock;

    public ConfirmationMail(SiteConfig site, String senderEmail, Pages pages, Clock clock) {
        this.site = site;
        this.origin = MailOrigin.of(site, senderEmail);
        this.pages = pages;
        this.clock = clock;
    }

    public byte[] compose(Subscriber subscriber, String confirmToken) {
        String link = site.confirmUrl(confirmToken);
        String text = "Hello,\n\nsomeone (we hope you) asked " + site.groupName() + " to email this address about "
                + "upcoming events: reminders before each event, and news when one is added, moved or cancelled.\n\n"
                + "To confirm, open this link within 48 hours:\n" + link + "\n\n"
                + "If it wasn't you, ignore this mail: nothing will be sent unless you confirm.\n\n-- \n"
                + site.groupName() + "\n" + site.siteUrl() + "\n";
        return MimeMail.create(origin.from(), subscriber.email(), "Confirm your " + site.groupName() + " event emails",
                        clock.instant(), origin.messageId("confirm." + UUID.randomUUID()))
                .header("Auto-Submitted", "auto-generated")
                .body(MimeMail.alternative(text, pages.confirmationMail(link)))
                .toBytes();
    }
}
