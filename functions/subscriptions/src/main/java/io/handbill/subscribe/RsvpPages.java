package io.handbill.subscribe;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.handbill.model.Event;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;

import java.util.List;
import java.util.Map;

/** The pages a person sees around an RSVP: after the form, behind the mailed links, and after pressing a button. */
public final class RsvpPages {
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "io.handbill.subscribe.templates");

    /** @param formAction where the single button posts {@code token}, or {@code null} for no button */
    public record View(String title, List<String> paragraphs, String formAction, String token, String buttonLabel,
                       String linkUrl, String linkLabel, String groupName) {
    }

    private final SiteConfig site;

    public RsvpPages(SiteConfig site) {
        this.site = site;
    }

    public String checkInbox(Event event) {
        return page(event, "Check your inbox", List.of("We have sent a link to the address you gave, unless we sent "
                + "one in the last few minutes. Open it within 48 hours to confirm your place at " + event.title()
                + ". Until you confirm, no place is held."));
    }

    public String tooManyRequests(Event event) {
        return page(event, "Too many requests", List.of("Your network has sent a lot of RSVPs in the last few minutes. "
                + "Please try again in ten minutes."));
    }

    public String closed(Event event) {
        return page(event, "RSVPs are closed", List.of(event.title() + " is not taking RSVPs at the moment."));
    }

    public String confirmForm(Event event, String token) {
        return form(event, "Confirm your RSVP", List.of("Press the button to confirm that you are coming to "
                + event.title() + ". If the event is full you will join the waitlist."),
                SitePaths.RSVP_CONFIRM, token, "Confirm my place");
    }

    public String outcome(Event event, RsvpService.Outcome outcome) {
        return switch (outcome) {
            case GOING -> page(event, "You're going", List.of("Your place at " + event.title() + " is confirmed. "
                    + "We have emailed you a calendar invitation and a link to use if you can't come."));
            case WAITLISTED -> page(event, "You're on the waitlist", List.of(event.title() + " is full. If a place "
                    + "comes free it goes to the first on the waitlist, and we email you at once."));
            case IN_PROGRESS -> page(event, "Almost there", List.of("We are still finishing your RSVP. Reload this "
                    + "page in a minute."));
            case CLOSED -> closed(event);
            case CANCELLED -> page(event, "This RSVP was cancelled", List.of("RSVP again on the event page if you "
                    + "would like to come."));
        };
    }

    public String cancelForm(Event event, String token) {
        return form(event, "Can't come any more?", List.of("Press the button to give up your RSVP to "
                + event.title() + ". If you had a place, it goes to the first person on the waitlist."),
                SitePaths.RSVP_CANCEL, token, "Cancel my RSVP");
    }

    public String cancelled(Event event) {
        return page(event, "Your RSVP is cancelled", List.of("Thank you for letting us know. You can RSVP again on "
                + "the event page while RSVPs are open."));
    }

    public String invalidLink(boolean expired) {
        return render(new View(expired ? "This link has expired" : "This link is not valid",
                List.of(expired ? "Confirmation links work for 48 hours. RSVP again on the event page and we will "
                        + "send a fresh one." : "The link may have been cut short or changed. Copy the whole link "
                        + "from the email."), null, null, null, site.siteUrl() + "/", "Back to " + site.groupName(),
                site.groupName()));
    }

    public String unknown() {
        return render(new View("This RSVP no longer exists", List.of("The event or the RSVP has been removed."),
                null, null, null, site.siteUrl() + "/", "Back to " + site.groupName(), site.groupName()));
    }

    public String invalidForm(List<String> problems) {
        return render(new View("Please check the form", problems, null, null, null, site.siteUrl() + "/",
                "Back to " + site.groupName(), site.groupName()));
    }

    private String page(Event event, String title, List<String> paragraphs) {
        return render(new View(title, paragraphs, null, null, null, site.eventUrl(event.slug()),
                "Back to " + event.title(), site.groupName()));
    }

    private String form(Event event, String title, List<String> paragraphs, String path, String token,
                        String button) {
        return render(new View(title, paragraphs, site.url(path), token, button, site.eventUrl(event.slug()),
                "Back to " + event.title(), site.groupName()));
    }

    private static String render(View view) {
        var out = new StringOutput();
        TEMPLATES.render("rsvp-page.jte", Map.of("page", view, "style", Pages.STYLE), out);
        return out.toString();
    }
}
