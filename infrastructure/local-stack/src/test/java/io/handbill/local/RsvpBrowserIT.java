package io.handbill.local;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RSVPs in a real browser on the local stack's sample event (3 places): four people RSVP from the public page and
 * confirm through the outbox, the fourth is waitlisted, the first cancels and the fourth is promoted; then the
 * organiser checks someone in from the admin list on a 390 px wide screen. axe finds nothing serious on the way.
 */
class RsvpBrowserIT extends BrowserOnLocalStack {
    private static final Pattern EVENT = Pattern.compile(
            "\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"slug\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"title\"\\s*:\\s*\""
                    + Pattern.quote(SampleEvents.UPCOMING_TITLE));

    RsvpBrowserIT() {
        super("rsvp-browser-token", true);
    }

    @Test
    void rsvpConfirmWaitlistCancelPromote_thenCheckInAt390px() throws IOException {
        Matcher sample = EVENT.matcher(get("/api/events?when=upcoming&limit=50", true).body());
        assertThat(sample.find()).as("the upcoming sample event is listed").isTrue();
        String id = sample.group(1);
        String slug = sample.group(2);

        for (int i = 1; i <= 4; i++) {
            browser.get(stack.url() + "/events/" + slug + "/");
            if (i == 1) {
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".rsvp-status"),
                        "3 places left"));
            }
            WebElement form = find("#rsvp form");
            form.findElement(By.name("name")).sendKeys("Person " + i);
            form.findElement(By.name("email")).sendKeys("person" + i + "@example.org");
            form.findElement(By.name("answer")).sendKeys(i == 1 ? "Vegan" : "");
            if (i == 1) {
                assertThat(axeViolations()).as("public page with the RSVP form").isEmpty();
            }
            form.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.getPageSource().contains("Check your inbox"));

            browser.get(link("person" + i + "@example.org", "Confirm your RSVP", "/api/rsvps/confirm"));
            if (i == 1) {
                assertThat(axeViolations()).as("confirm page").isEmpty();
            }
            find("form button[type=submit]").click();
            String outcome = i <= 3 ? "You're going" : "You're on the waitlist";
            wait.until(d -> d.getPageSource().contains(outcome));
        }
        assertThat(get("/api/events/" + slug + "/availability", false).body()).contains("\"status\":\"waitlist\"");
        // the counts may be cached for 5 seconds (browser and CDN), so reload until they show the change
        new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofSeconds(1))
                .ignoring(org.openqa.selenium.TimeoutException.class).until(d -> {
            d.get(stack.url() + "/events/" + slug + "/");
            return new WebDriverWait(d, Duration.ofSeconds(2)).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".rsvp-status"), "Full")) ? true : null;
        });
        assertThat(find(".rsvp-status").getText()).isEqualTo("Full: waitlist open");

        browser.get(link("person1@example.org", "You're going", "/api/rsvps/cancel"));
        find("form button[type=submit]").click();
        wait.until(d -> d.getPageSource().contains("Your RSVP is cancelled"));
        wait.until(d -> stack.outboxMessages().stream().anyMatch(m -> m.to().contains("person4@example.org")
                && m.subject().startsWith("You're in")));
        assertThat(get("/api/events/" + slug + "/availability", false).body()).contains("\"status\":\"waitlist\"");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(stack.url() + "/admin/#/events/" + id);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-tickets"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rsvp-counts"),
                "3 going of 3 places, 0 on the waitlist"));
        assertThat(find("#rsvp-counts").getText()).contains("1 cancelled");
        find("#rsvp-search").sendKeys("person4");
        WebElement checkIn = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#rsvp-list button[aria-label='Check in Person 4']")));
        assertThat(browser.findElements(By.cssSelector("#rsvp-list li"))).hasSize(1);
        assertThat(checkIn.getRect().getX() + checkIn.getRect().getWidth()).as("button inside 390 px")
                .isLessThanOrEqualTo(390);
        assertThat(checkIn.getRect().getHeight()).as("a finger-sized target").isGreaterThanOrEqualTo(44);
        checkIn.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rsvp-counts"), "1 checked in"));
        assertThat(find("#rsvp-list").getText()).contains("Checked in");
        assertThat(axeViolations()).as("admin form at 390 px").isEmpty();
        assertThat(get("/api/events/" + id + "/attendees?format=csv", true).body())
                .contains("Person 1,person1@example.org,cancelled,Vegan", "Person 4,person4@example.org,going,");
    }

    /** The link with {@code path} in the latest outbox mail to {@code to} whose subject starts {@code subject}. */
    private String link(String to, String subject, String path) {
        OutboxMessage mail = wait.until(d -> stack.outboxMessages().stream()
                .filter(m -> m.to().contains(to) && m.subject().startsWith(subject)).findFirst().orElse(null));
        Matcher m = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_.-]+")
                .matcher(mail.text());
        assertThat(m.find()).as("a " + path + " link in " + mail.text()).isTrue();
        return m.group();
    }

    private WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }
}
