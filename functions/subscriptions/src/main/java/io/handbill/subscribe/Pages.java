package io.handbill.subscribe;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.handbill.http.ContentSecurityPolicy;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

import java.util.Map;

/** The small HTML pages a reader sees after clicking a link or posting the form, rendered by precompiled jte. */
public final class Pages {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "io.handbill.subscribe.templates");
    /** The pages' only styling, inline so that a page needs no second request; the policy allows exactly this. */
    static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5;"
            + "color:#1a1a1a;max-width:36em;margin:3em auto;padding:0 1em}button{font:inherit;padding:.5em 1.2em;"
            + "border:1px solid #1a1a1a;background:#1a1a1a;color:#fff;border-radius:.3em;cursor:pointer}"
            + "a{color:#0645ad}";
    /** The Content-Security-Policy of every page here: no scripts, no other styles, forms post to this site. */
    public static final ContentSecurityPolicy POLICY = ContentSecurityPolicy.forPage(STYLE);

    /**
     * @param formAction where the page's single button posts, or {@code null} for no button
     */
    public record Page(String title, String message, String formAction, String linkUrl, String linkLabel,
                       String groupName) {
    }

    private final SiteConfig site;

    public Pages(SiteConfig site) {
        this.site = site;
    }

    public String checkInbox() {
        return page("Check your inbox", "We have sent a confirmation link to the address you gave. If we already "
                + "sent one to this mailbox in the last 10 minutes, we do not send another: use the link in that "
                + "mail. Open it within 48 hours to start getting event emails. Coming back after unsubscribing? "
                + "You get a fresh link straight away.", null);
    }

    public String confirmed() {
        return page("You are subscribed", "You will get a reminder before each event, and news when one is added, "
                + "moved or cancelled. Every mail has a one-click unsubscribe link.", null);
    }

    public String alreadyConfirmed() {
        return page("You are already subscribed", "This address already gets event emails.", null);
    }

    public String noLongerPending() {
        return page("This link no longer works", "This address has unsubscribed since the link was sent. "
                + "Subscribe again on the site if you would like event emails.", null);
    }

    public String invalidLink(boolean expired) {
        return expired
                ? page("This link has expired", "Confirmation links work for 48 hours. Subscribe again on the site "
                + "and we will send a fresh one.", null)
                : page("This link is not valid", "The link may have been cut short or changed. Copy the whole link "
                + "from the email, or subscribe again on the site.", null);
    }

    public String unsubscribeForm(String token) {
        return page("Unsubscribe from event emails?", "Press the button to stop all event emails from "
                + site.groupName() + ".", site.unsubscribeUrl(token));
    }

    public String unsubscribed() {
        return page("You are unsubscribed", "You will get no more event emails from " + site.groupName() + ".", null);
    }

    public String invalidAddress() {
        return page("That address does not look right", "Enter an email address like name@example.org and try "
                + "again.", null);
    }

    public String confirmationMail(String link) {
        return render("confirmation-mail.jte", Map.of("link", link, "groupName", site.groupName()));
    }

    private String page(String title, String message, String formAction) {
        return render("page.jte", Map.of("page", new Page(title, message, formAction, site.url(SitePaths.HOME),
                "Back to " + site.groupName(), site.groupName()), "style", STYLE));
    }

    private static String render(String template, Map<String, Object> parameters) {
        var out = new StringOutput();
        TEMPLATES.render(template, parameters, out);
        return out.toString();
    }
}
