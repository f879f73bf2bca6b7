package io.handbill.local;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's local time on the local stack's upcoming sample event (a London evening) in real Chromium, its time
 * zone set through the DevTools protocol: a reader in New York reads the times in their own zone beside the event's,
 * on the event page and the index; a reader in London, whose clock is the event's, is told nothing more.
 */
class LocalTimeBrowserIT extends BrowserOnLocalStack {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

    LocalTimeBrowserIT() {
        super("local-time-browser-token", true);
    }

    @Test
    void aReaderInNewYork_readsTheirOwnTime_aReaderInLondon_readsNothingMore() {
        inZone("America/New_York");
        browser.get(stack.url() + "/");
        WebElement entry = sampleEntry();
        String indexStart = entry.findElement(By.cssSelector("time[data-local-time]")).getAttribute("datetime");
        assertThat(entry.findElement(By.cssSelector(".local-time")).getText())
                .isEqualTo(inNewYork(indexStart, null));
        String eventPage = entry.findElement(By.cssSelector("a.entry-title")).getAttribute("href");

        browser.get(eventPage);
        WebElement when = find(".facts time[data-local-time]");
        String start = when.getAttribute("datetime");
        String end = when.getAttribute("data-end");
        assertThat(start).isEqualTo(indexStart);
        WebElement line = find(".facts .local-time");
        assertThat(line.getText()).isEqualTo(inNewYork(start, end)).matches("That's .* E[SD]T your time\\.");
        // a sentence of its own after the event's time and zone, which stay as they were
        assertThat(find(".facts dd").getText()).startsWith(when.getText() + ", ").contains("(Europe/London)");
        assertThat(axeViolations()).as("event page in New York").isEmpty();
        assertThat(HeadlessChromium.cspViolations(browser)).isEmpty();

        inZone("Europe/London");
        browser.navigate().refresh();
        find(".facts time[data-local-time]");
        waitForScripts();
        assertThat(browser.findElements(By.cssSelector(".local-time"))).isEmpty();
        browser.get(stack.url() + "/");
        sampleEntry();
        waitForScripts();
        assertThat(browser.findElements(By.cssSelector(".local-time"))).isEmpty();
    }

    /** What the page should add for a reader in New York: the start (and end) there, the day when it is another. */
    private static String inNewYork(String startIso, String endIso) {
        ZonedDateTime start = OffsetDateTime.parse(startIso).atZoneSameInstant(NEW_YORK);
        String day = start.toLocalDate().equals(OffsetDateTime.parse(startIso).toLocalDate()) ? ""
                : DAY.format(start) + ", ";
        if (endIso == null) {
            return "That's " + day + "from " + CLOCK.format(start) + " " + ZONE.format(start) + " your time.";
        }
        ZonedDateTime end = OffsetDateTime.parse(endIso).atZoneSameInstant(NEW_YORK);
        String until = (end.toLocalDate().equals(start.toLocalDate()) ? "" : DAY.format(end) + ", ")
                + CLOCK.format(end);
        String startZone = ZONE.format(start).equals(ZONE.format(end)) ? "" : " " + ZONE.format(start);
        return "That's " + day + CLOCK.format(start) + startZone + " – " + until + " " + ZONE.format(end)
                + " your time.";
    }

    private void inZone(String zone) {
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
    }

    private WebElement sampleEntry() {
        List<WebElement> entries = wait.until(d -> d.findElements(By.cssSelector("li.entry")).stream()
                .filter(li -> li.getText().contains(SampleEvents.UPCOMING_TITLE)).toList());
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    /** Deferred scripts have run once the document is complete. */
    private void waitForScripts() {
        wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
    }

    private WebElement find(String css) {
        return wait.until(d -> d.findElement(By.cssSelector(css)));
    }
}
