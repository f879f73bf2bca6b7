package io.handbill.subscribe;

import io.handbill.mail.Letterhead;
import io.handbill.mail.MimeMail;
import io.handbill.model.SiteConfig;
import io.handbill.subscriber.Subscriber;

import java.time.Clock;

/** The double opt-in mail: text and HTML with the signed confirm link. */
public final class ConfirmationMail {
    private final SiteConfig site;
    private final Letterhead letterhead;
    private final Pages pages;

    public ConfirmationMail(SiteConfig site, String senderEmail, Pages pages, Clock clock) {
        this.site = site;
        this.letterhead = Letterhead.of(site, senderEmail, clock);
        this.pages = pages;
    }

    /** @param messageId the Message-ID's local part, the same for every mail that repeats one request */
    public byte[] compose(Subscriber subscriber, String confirmToken, String messageId) {
        String link = site.confirmUrl(confirmToken);
        String text = "Hello,\n\nsomeone (we hope you) asked " + site.groupName() + " to email this address about "
                + "upcoming events: reminders before each event, and news when one is added, moved or cancelled.\n\n"
                + "To confirm, open this link within 48 hours:\n" + link + "\n\n"
                + "If it wasn't you, ignore this mail: nothing will be sent unless you confirm.\n\n-- \n"
                + site.groupName() + "\n" + site.siteUrl() + "\n";
        return letterhead.mail(subscriber.email(), "Confirm your " + site.groupName() + " event emails",
                        "confirm." + messageId)
                .body(MimeMail.alternative(text, pages.confirmationMail(link)))
                .toBytes();
    }
}
