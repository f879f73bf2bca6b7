package io.handbill.local;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.AgendaItem;
import io.handbill.model.EventDraft;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin form and the public site in real Chromium (Debian's chromium + chromium-driver; nothing is
 * downloaded), against a local stack started in this JVM with no sample events: the seed event is typed in
 * through the form, published, read on the public page and through its alias and .ics, subscribed to (confirmed
 * through the outbox) and cancelled; and a series is made from the seed-like sample ("make this monthly").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminFormBrowserIT extends BrowserOnLocalStack {
    private final EventDraft seed = Fixtures.seedDraft();
    private String eventId;
    private String slug;

    AdminFormBrowserIT() {
        super("browser-test-token", false);
    }

    /** The console is read after every test: a CSP violation (of the headers CloudFront sends too) fails it. */
    @AfterEach
    void noContentSecurityPolicyViolations() {
        if (browser == null) {
            return;
        }
        assertThat(HeadlessChromium.cspViolations(browser)).as("CSP violations in the browser console").isEmpty();
    }

    @Test
    @Order(1)
    void seedEvent_typedIntoTheForm_isSavedWithEveryField() throws IOException {
        openAdmin("#/new");
        type("#title", seed.title());
        type("#summary", seed.summary());
        type("#description", seed.description());
        setDateTime(By.id("start"), seed.start().toString());
        setDateTime(By.id("end"), seed.end().toString());
        new Select(find("#timeZone")).selectByValue(seed.timeZone());
        type("#venue-name", seed.venue().name());
        type("#venue-address", String.join("\n", seed.venue().addressLines()));
        type("#venue-city", seed.venue().city());
        type("#venue-postcode", seed.venue().postcode());
        type("#venue-country", seed.venue().country());
        type("#venue-url", seed.venue().url());
        type("#venue-latitude", seed.venue().latitude().toString());
        type("#venue-longitude", seed.venue().longitude().toString());
        type("#venue-access", seed.venue().accessNotes());
        for (Talk talk : seed.talks()) {
            int i = addRow("talks");
            type(field("talks", i, "id"), talk.id());
            type(field("talks", i, "title"), talk.title());
            type(field("talks", i, "abstract"), talk.summary());
            type(field("talks", i, "speakerIds"), String.join(", ", talk.speakerIds()));
        }
        for (Speaker speaker : seed.speakers()) {
            int i = addRow("speakers");
            type(field("speakers", i, "id"), speaker.id());
            type(field("speakers", i, "name"), speaker.name());
            type(field("speakers", i, "role"), speaker.role());
            type(field("speakers", i, "organisation"), speaker.organisation());
            type(field("speakers", i, "bio"), speaker.bio());
            type(field("speakers", i, "url"), speaker.url());
        }
        for (AgendaItem item : seed.agenda()) {
            int i = addRow("agenda");
            setDateTime(By.cssSelector(field("agenda", i, "start")), item.start().toString());
            setDateTime(By.cssSelector(field("agenda", i, "end")), item.end() == null ? "" : item.end().toString());
            new Select(find(field("agenda", i, "kind"))).selectByValue(item.kind().name());
            type(field("agenda", i, "title"), item.title());
            if (item.talkId() != null) {
                type(field("agenda", i, "talkId"), item.talkId());
            }
        }
        var sponsor = seed.sponsors().get(0);
        int s = addRow("sponsors");
        type(field("sponsors", s, "name"), sponsor.name());
        type(field("sponsors", s, "url"), sponsor.url());
        type(field("sponsors", s, "provides"), sponsor.provides());
        for (TicketLink ticket : seed.tickets()) {
            int i = addRow("tickets");
            type(field("tickets", i, "label"), ticket.label());
            type(field("tickets", i, "url"), ticket.url());
            if (ticket.free()) {
                find(field("tickets", i, "free")).click();
            }
        }
        type("#codeOfConductUrl", seed.codeOfConductUrl());
        type("#tags", String.join(", ", seed.tags()));
        int a = addRow("aliases");
        type(field("aliases", a, ""), seed.aliases().get(0));

        find("#save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-state"), "Draft"));
        eventId = browser.getCurrentUrl().replaceFirst(".*#/events/", "");
        slug = find("#slug").getAttribute("value");
        screenshot("admin-form.png");

        String stored = get("/api/events/" + eventId, true).body();
        assertThat(stored).contains(seed.title(), "\"timeZone\":\"Europe/London\"", "Bryan Boreham",
                "Matthew Clark", "Decamp to the Wardrobe", "Infinity Works", "meetup.com", "tmblr.co",
                seed.aliases().get(0), "\"latitude\":53.7965", "LS9 8AG");
        assertThat(slug).isEqualTo(Fixtures.SEED_SLUG);
    }

    @Test
    @Order(2)
    void publishing_putsTheEventOnTheSite_withAliasAndIcs() throws IOException {
        openAdmin("#/events/" + eventId);
        find("#publish").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-state"), "Published"));
        assertThat(find("#public-page").getAttribute("href")).endsWith("/events/" + slug + "/");

        openPublicPage(page -> page.contains("Bryan Boreham"));
        String page = browser.getPageSource();
        assertThat(browser.getTitle()).contains("Kubernetes networking");
        assertThat(page).contains("The ODI Node Leeds", "Watch out! The nanoservices are coming",
                "Matthew Clark", "Infinity Works", "Decamp to the Wardrobe", "https://tmblr.co/ZdJfSq2PpSK99",
                "https://leedsdevops-sept-17.eventbrite.co.uk");
        screenshot("public-page.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1600));
        screenshot("public-page-390.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        givenAnUpcomingEventIsPublished();
        wait.until(d -> {
            d.get(stack.url() + "/");
            return d.getPageSource().contains("Observability without the bill");
        });
        WebElement thumb = find("section[aria-labelledby=upcoming-heading] img.thumb");
        assertThat(thumb.getAttribute("src")).contains("/card-");
        wait.until(d -> ((Long) ((JavascriptExecutor) d).executeScript("return arguments[0].naturalWidth", thumb))
                == 1200L);
        screenshot("index.png");

        browser.get(stack.url() + seed.aliases().get(0));
        assertThat(browser.getCurrentUrl()).endsWith("/events/" + slug + "/");

        HttpResponse<String> ics = get("/events/" + slug + ".ics", false);
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/calendar"));
        assertThat(ics.body()).contains("BEGIN:VEVENT", "DTSTART;TZID=Europe/London:20170926T184500",
                "Kubernetes networking");
    }

    @Test
    @Order(3)
    void calendarMenu_opensFromTheKeyboard_andNoPageOverflowsAt390() {
        openPublicPage(page -> page.contains("Bryan Boreham"));
        WebElement menu = find(".event-head details.calendar-menu");
        WebElement summary = menu.findElement(By.tagName("summary"));
        assertThat(menu.findElement(By.cssSelector("a")).isDisplayed()).as("closed until asked").isFalse();

        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", summary);
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);

        assertThat(menu.getAttribute("open")).isNotNull();
        List<WebElement> links = menu.findElements(By.cssSelector("a"));
        assertThat(links).hasSize(4).allMatch(WebElement::isDisplayed);
        assertThat(links.get(0).getAttribute("href")).startsWith("webcal://").endsWith("/events/" + slug + ".ics");
        assertThat(find(".event-head .button-primary").getAttribute("href"))
                .isEqualTo("https://leedsdevops-sept-17.eventbrite.co.uk/");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1600));
        try {
            assertThat(horizontalOverflow()).as("event page, menu open: %s", overflowing()).isZero();
            browser.get(stack.url() + "/");
            wait.until(d -> d.getPageSource().contains("Kubernetes networking"));
            find("footer details.calendar-menu summary").click();
            assertThat(horizontalOverflow()).as("index, feed menu open: %s", overflowing()).isZero();
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        }
    }

    @Test
    @Order(4)
    void subscribingFromThePage_isConfirmedThroughTheOutboxMail() {
        openPublicPage(page -> page.contains("Bryan Boreham"));
        WebElement email = find("form input[type=email]");
        email.sendKeys("reader@example.org");
        email.findElement(By.xpath("ancestor::form//button[@type='submit']")).click();
        try {
            wait.until(d -> stack.outboxMessages().stream().anyMatch(m -> m.to().contains("reader@example.org")));
        } catch (TimeoutException e) {
            throw new AssertionError("No confirmation mail; after subscribing the browser showed:\n"
                    + browser.getCurrentUrl() + "\n" + browser.getPageSource(), e);
        }

        browser.get(stack.url() + "/outbox/");
        browser.findElement(By.cssSelector("tbody tr:first-child td:nth-child(3) a")).click();
        WebElement confirm = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#text a[href*='/api/subscriptions/confirm']")));
        confirm.click();
        wait.until(d -> d.getPageSource().contains("You are subscribed"));
        assertThat(get("/api/subscribers/summary", true).body()).containsPattern("\"confirmed\"\\s*:\\s*1");

        browser.get(stack.url() + "/outbox/");
        find("form[action='/local/reminders/run'] button").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"),
                "Reminder sweep finished"));
    }

    @Test
    @Order(5)
    void cancelling_showsTheBannerOnThePublicPage() {
        openAdmin("#/events/" + eventId);
        type("#cancel-reason", "The venue flooded; see you next month.");
        find("#cancel-event").click();
        var confirmation = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(confirmation.getText()).contains("emails 1 confirmed subscriber");
        confirmation.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-state"), "Cancelled"));

        openPublicPage(page -> page.contains("The venue flooded"));
        assertThat(browser.getPageSource().toLowerCase()).contains("cancelled");
    }

    @Test
    @Order(6)
    void invalidInput_isReportedNextToItsField_andKeepsWhatWasTyped() {
        openAdmin("#/new");
        type("#title", "Broken evening");
        setDateTime(By.id("start"), "2030-05-01T19:00");
        setDateTime(By.id("end"), "2030-05-01T18:00");
        type("#venue-url", "javascript:alert(1)");
        int speaker = addRow("speakers");
        type(field("speakers", speaker, "name"), "Nameless Key");
        find("#save").click();

        wait.until(ExpectedConditions.attributeToBe(By.id("end"), "aria-invalid", "true"));
        WebElement end = find("#end");
        WebElement endError = browser.findElement(By.id(end.getAttribute("aria-describedby").trim().split(" ")[0]));
        assertThat(endError.getText()).containsIgnoringCase("after the start");
        assertThat(endError.findElement(By.xpath("..")).findElement(By.id("end"))).isNotNull();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("end");
        String summary = browser.findElement(By.id("error-list")).getText();
        assertThat(summary).contains("Ends: ", "Speaker 1 — key: ", "Web site: ")
                .doesNotContain("speakers[", "venue.url", "end:");
        assertThat(browser.findElement(By.id("tab-programme")).getText()).contains("1 problem");
        browser.findElement(By.linkText(summary.lines().filter(l -> l.startsWith("Speaker 1")).findFirst()
                .orElseThrow())).click();
        assertThat(browser.findElement(By.id("panel-programme")).isDisplayed()).isTrue();
        assertThat(browser.switchTo().activeElement().getAttribute("data-path")).isEqualTo("speakers[0].id");
        assertThat(find("#venue-url").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#title").getAttribute("value")).isEqualTo("Broken evening");
        assertThat(find("#error-summary").isDisplayed()).isTrue();
        assertThat(get("/api/events?status=draft", true).body()).doesNotContain("Broken evening");
    }

    @Test
    @Order(7)
    void staleEditInASecondTab_says412_andReloadsTheLatestVersion() {
        find("[aria-label='Remove speaker 1']").click();
        type("#title", "");
        find("#title").sendKeys("Tab test evening");
        setDateTime(By.id("end"), "2030-05-01T21:00");
        find("#venue-url").clear();
        find("#save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-state"), "Draft"));
        String url = browser.getCurrentUrl();
        String firstTab = browser.getWindowHandle();

        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(url);
        wait.until(d -> "Tab test evening".equals(find("#title").getAttribute("value")));
        type("#title", "Tab test evening, renamed in tab two");
        find("#save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-state"), "version 2"));
        browser.close();

        browser.switchTo().window(firstTab);
        type("#summary", "Edited in tab one");
        find("#save").click();
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertThat(conflict.getText()).contains("Someone else changed this event");
        assertThat(find("#summary").getAttribute("value")).isEqualTo("Edited in tab one");

        find("#reload").click();
        wait.until(d -> find("#title").getAttribute("value").endsWith("renamed in tab two"));
        assertThat(find("#conflict").isDisplayed()).isFalse();
    }

    @Test
    @Order(8)
    void deletingTheDraft_afterConfirming_removesItFromTheList() {
        String id = browser.getCurrentUrl().replaceFirst(".*#/events/", "");
        find("#delete").click();
        browser.switchTo().alert().accept();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-view")));
        assertThat(get("/api/events/" + id, true).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void formAndPublicPage_haveNoSeriousAccessibilityViolations() throws IOException {
        openAdmin("#/events/" + eventId);
        assertThat(axeViolations()).isEmpty();
        openAdmin("#/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#events tr")));
        assertThat(axeViolations()).isEmpty();
        openPublicPage(page -> page.contains("Bryan Boreham"));
        assertThat(axeViolations()).isEmpty();
        browser.get(stack.url() + "/");
        wait.until(d -> d.getPageSource().contains("Kubernetes networking"));
        find("footer details.calendar-menu summary").click();
        assertThat(axeViolations()).as("index, feed menu open").isEmpty();
    }

    @Test
    @Order(10)
    void aRejectedToken_showsTheSignInPrompt_andSigningInAgainKeepsWhatWasTyped() {
        openAdmin("#/new");
        type("#title", "Typed before the restart");
        // as after a restart with another token: every API call from this tab is refused
        ((JavascriptExecutor) browser).executeScript("window.realFetch = window.fetch; window.fetch = (url, opts) => "
                + "window.realFetch(url, opts && opts.headers && opts.headers.Authorization "
                + "? Object.assign({}, opts, {headers: Object.assign({}, opts.headers, {Authorization: 'Bearer old'})}) "
                + ": opts);");
        find("#save").click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertThat(find("#who").getText()).isEqualTo("Not signed in");
        assertThat(find("#signed-out").getText()).contains("You are signed out");

        ((JavascriptExecutor) browser).executeScript("window.fetch = window.realFetch;");
        find("#sign-in").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("signed-out")));
        assertThat(find("#who").getText()).startsWith("Signed in");
        assertThat(find("#title").getAttribute("value")).isEqualTo("Typed before the restart");
    }

    @Test
    @Order(11)
    void unsavedChanges_warnBeforeLeaving_andAreKeptInTheBrowserToRestore() {
        openAdmin("#/new");
        type("#title", "Typed but never saved");
        type("#venue-name", "The back room");
        Boolean warned = (Boolean) ((JavascriptExecutor) browser).executeScript(
                "const e = new window.Event('beforeunload', {cancelable: true}); window.dispatchEvent(e);"
                        + " return e.defaultPrevented;");
        assertThat(warned).as("beforeunload asks before a reload or close drops typed input").isTrue();

        browser.findElement(By.cssSelector(".top nav a[href='#/']")).click();
        var leave = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(leave.getText()).contains("unsaved changes");
        leave.dismiss();
        assertThat(browser.getCurrentUrl()).endsWith("#/new");
        assertThat(find("#title").getAttribute("value")).isEqualTo("Typed but never saved");

        browser.findElement(By.cssSelector(".top nav a[href='#/']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-view")));
        browser.findElement(By.id("new-event-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("draft-restore")));
        assertThat(find("#title").getAttribute("value")).isEmpty();
        find("#draft-restore-button").click();
        assertThat(find("#title").getAttribute("value")).isEqualTo("Typed but never saved");
        assertThat(find("#venue-name").getAttribute("value")).isEqualTo("The back room");
    }

    @Test
    @Order(11)
    void makeThisMonthly_showsSixDatesBeforeSaving_thenTheThirdIsEditedPublishedAndOnTheSiteAndFeed()
            throws Exception {
        // the local stack's seed-like sample: the seed's evening a week from now
        EventDraft sample = new SampleEvents(null, java.time.Clock.systemUTC()).upcoming(SampleEvents.seedDraft());
        HttpResponse<String> created = send("POST", "/api/events", io.handbill.json.Json.write(sample));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String sampleId = io.handbill.json.Json.MAPPER.readTree(created.body()).get("id").asText();

        leaveTheFormWithoutSaving();
        openAdmin("#/events/" + sampleId);
        find("#make-series").click();
        wait.until(d -> d.findElements(By.cssSelector("#series-dates li time")).size() == 6);
        String weekday = sample.start().getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT,
                java.util.Locale.UK);
        List<String> dates = browser.findElements(By.cssSelector("#series-dates li time")).stream()
                .map(WebElement::getText).toList();
        assertThat(dates).hasSize(6).allSatisfy(d -> assertThat(d).startsWith(weekday + " ")
                .endsWith(sample.start().toLocalTime().toString()));
        assertThat(new Select(find("#series-preset")).getFirstSelectedOption().getText()).endsWith("of every month");
        assertThat(get("/api/series", true).body()).as("nothing saved by the preview").contains("\"items\":[]");
        assertThat(axeViolations()).isEmpty();
        screenshot("make-this-monthly.png");

        // a rule with no date is refused next to its field, and nothing is saved
        type("#series-rule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30");
        find("#series-save").click();
        wait.until(ExpectedConditions.attributeToBe(By.id("series-rule"), "aria-invalid", "true"));
        assertThat(find("#series-error-summary").getText()).contains("Rule: ");
        assertThat(get("/api/series", true).body()).contains("\"items\":[]");
        new Select(find("#series-preset")).selectByIndex(0);
        wait.until(d -> d.findElements(By.cssSelector("#series-dates li time")).size() == 6);
        assertThat(browser.findElements(By.cssSelector("#series-dates li time")).stream().map(WebElement::getText)
                .toList()).isEqualTo(dates);

        find("#series-save").click();
        wait.until(d -> d.findElements(By.cssSelector("#series-occurrences tbody tr")).size() == 6);
        assertThat(browser.findElements(By.cssSelector("#series-occurrences tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList()).isEqualTo(dates);
        String seriesUrl = browser.getCurrentUrl();
        assertThat(axeViolations()).isEmpty();

        // open the third, give it its talk, publish it
        browser.findElements(By.cssSelector("#series-occurrences tbody tr")).get(2)
                .findElement(By.linkText("Open")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-state"), "Draft"));
        assertThat(find("#open-series").isDisplayed()).isTrue();
        int talk = addRow("talks");
        type(field("talks", talk, "id"), "month-three");
        type(field("talks", talk, "title"), "Chaos engineering in month three");
        type(field("talks", talk, "abstract"), "What broke, and what we learnt.");
        find("#publish").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-state"), "Published"));
        String page = find("#public-page").getAttribute("href");

        // skip the fifth, with a reason the series page shows
        browser.get(seriesUrl);
        wait.until(d -> d.findElement(By.id("series-occurrences")).isDisplayed()
                && d.findElements(By.cssSelector("#series-occurrences tbody tr")).size() == 6);
        new Select(find("#skip-date")).selectByVisibleText(dates.get(4));
        type("#skip-reason", "Summer break");
        find("#skip-save").click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(d -> d.findElements(By.cssSelector("#series-occurrences tbody tr")).size() == 5);
        assertThat(find("#series-skipped").getText()).contains(dates.get(4).split(",")[0] + " — Summer break");

        // on the site: the occurrence's page with its talk, linked to the series page
        try {
            new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofMillis(250)).until(d -> {
                d.get(page);
                return d.getPageSource().contains("Chaos engineering in month three");
            });
        } catch (TimeoutException e) {
            throw new AssertionError("The occurrence's page never showed its talk:\n" + browser.getPageSource(), e);
        }
        browser.findElement(By.partialLinkText("Every date of")).click();
        new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofMillis(250)).until(d -> {
            d.navigate().refresh();
            return d.getPageSource().contains("Summer break");
        });
        assertThat(browser.findElements(By.cssSelector("a.entry-title")).stream().map(e -> e.getAttribute("href"))
                .toList()).containsExactly(page);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("No meetup in", "Summer break");
        assertThat(axeViolations()).isEmpty();
        screenshot("series-page.png");
        assertThat(get("/sitemap.xml", false).body()).contains(browser.getCurrentUrl());

        // and in the group's calendar, as an event of its own
        String ics = get("/calendar.ics", false).body().replace("\r\n ", "");
        assertThat(ics).contains("Chaos engineering in month three");
    }

    // ------------------------------------------------------------------ helpers

    @Test
    @Order(12)
    void descriptionPreview_isWhatThePagePublishes_andThePagePreviewShowsTheWholePage(@TempDir Path photos)
            throws Exception {
        openAdmin("#/new");
        type("#description", "> Quoted from the *speaker*\n\n[Run this](javascript:alert(1)) or "
                + "[read more](https://leedsdevops.org.uk/)");
        find("#preview-button").click();
        // a draft without a title or date cannot be saved, so it has no preview: the form says why
        wait.until(d -> "error".equals(d.findElement(By.id("preview")).getAttribute("data-state")));
        assertThat(find("#preview-status").getText()).startsWith("No preview: Fix these first:").contains("Title");

        type("#title", "Preview evening");
        setDateTime(By.id("start"), "2031-03-04T18:30");
        setDateTime(By.id("end"), "2031-03-04T21:00");
        new Select(find("#timeZone")).selectByValue("Europe/London");
        find("#description").sendKeys(" ");
        wait.until(d -> "ready".equals(d.findElement(By.id("preview")).getAttribute("data-state")));
        String preview = innerHtml(find("#preview"));
        assertThat(preview).contains("<blockquote>", "<em>speaker</em>", "href=\"https://leedsdevops.org.uk/\"")
                .doesNotContain("javascript:");

        find("#page-preview-button").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-preview-frame")));
        assertThat(find("#page-preview-frame").getAttribute("sandbox")).isEmpty();
        browser.switchTo().frame(find("#page-preview-frame"));
        wait.until(d -> !d.findElements(By.cssSelector("section.description")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Preview evening");
        assertThat(descriptionOfPage()).isEqualTo(preview);
        // the site's stylesheet applies (the frame's origin is opaque, so its rules cannot be read, only seen)
        wait.until(d -> "absolute".equals(((JavascriptExecutor) d).executeScript(
                "return getComputedStyle(document.querySelector('a.skip')).position")));
        browser.switchTo().defaultContent();
        find("#page-preview-close").click();
        assertThat(find("#page-preview").isDisplayed()).isFalse();

        // a photo uploaded from the form: a presigned PUT (through the stack's origin to S3Proxy) fills the address
        Path photo = photos.resolve("room.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(1600, 900,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        find("#cover-file").sendKeys(photo.toAbsolutePath().toString());
        wait.until(d -> d.findElement(By.id("cover-url")).getAttribute("value").matches("/media/[0-9a-f]{32}\\.png"));
        assertThat(find("#cover-upload-status").getText()).startsWith("Uploaded room.png");
        String cover = find("#cover-url").getAttribute("value");

        find("#publish").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-state"), "Published"));
        String url = find("#public-page").getAttribute("href");
        new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofMillis(250)).until(d -> {
            d.get(url);
            return d.getPageSource().contains("Preview evening");
        });
        assertThat(descriptionOfPage()).as("the published description").isEqualTo(preview);
        // the upload publishes like any picture: in the renderer's resized copies
        String copy = cover.replace(".png", "-720.png");
        assertThat(browser.findElement(By.cssSelector("img[src$='-720.png']")).getAttribute("src")).endsWith(copy);
        HttpResponse<byte[]> resized = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(stack.url() + copy)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(resized.statusCode()).isEqualTo(200);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(resized.body())).getWidth())
                .isEqualTo(720);
    }

    /** The description section of the event page in view, without its heading, as the browser serialises it. */
    private String descriptionOfPage() {
        return ((String) ((JavascriptExecutor) browser).executeScript("const s = document.querySelector("
                + "'section.description').cloneNode(true); s.querySelector('h2').remove(); return s.innerHTML;"))
                .trim();
    }

    private String innerHtml(WebElement element) {
        return ((String) ((JavascriptExecutor) browser).executeScript("return arguments[0].innerHTML", element))
                .trim();
    }

    /** Back to the list through the app, saying yes if it asks about unsaved input (an earlier test left some). */
    private void leaveTheFormWithoutSaving() {
        browser.findElement(By.cssSelector(".top nav a[href='#/']")).click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(2)).until(ExpectedConditions.alertIsPresent()).accept();
        } catch (TimeoutException e) {
            // nothing was unsaved
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("list-view")));
    }

    private void openAdmin(String hash) {
        browser.get(stack.url() + "/admin/" + hash);
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        if (hash.startsWith("#/events/")) {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-state"), "version"));
        }
    }

    /** Opens the event's public page, reloading until the renderer has caught up with the last write. */
    private void openPublicPage(Function<String, Boolean> rendered) {
        String url = stack.url() + "/events/" + slug + "/";
        try {
            new WebDriverWait(browser, WAIT).pollingEvery(Duration.ofMillis(250)).until(d -> {
                d.get(url);
                return rendered.apply(d.getPageSource());
            });
        } catch (TimeoutException e) {
            throw new AssertionError("The page at " + url + " never showed what was expected; it showed:\n"
                    + browser.getPageSource(), e);
        }
    }

    private int addRow(String list) {
        find("fieldset[data-list='" + list + "'] > button.add").click();
        return browser.findElements(By.cssSelector("fieldset[data-list='" + list + "'] > ol.rows > li")).size() - 1;
    }

    private static String field(String list, int index, String name) {
        return "[data-path='" + list + "[" + index + "]" + (name.isEmpty() ? "" : "." + name) + "']";
    }

    /** Finds a form element, first opening its tab of the admin form (as a person would) when it is on another. */
    private WebElement find(String css) {
        WebElement element = browser.findElement(By.cssSelector(css));
        String panel = (String) ((JavascriptExecutor) browser).executeScript(
                "const p = arguments[0].closest('[role=tabpanel]'); return p && p.hidden ? p.id : null;", element);
        if (panel != null) {
            browser.findElement(By.cssSelector("[role=tab][aria-controls='" + panel + "']")).click();
        }
        return element;
    }

    private void type(String css, String text) {
        WebElement element = find(css);
        element.clear();
        element.sendKeys(text);
    }

    /**
     * Sets a datetime-local input. Keyboard entry into Chromium's date-time control depends on the locale's field
     * order, so the value is set as a browser extension or autofill would, with the events a person's typing fires.
     */
    private void setDateTime(By locator, String isoLocal) {
        WebElement input = browser.findElement(locator);
        String value = isoLocal.length() >= 16 ? isoLocal.substring(0, 16) : isoLocal;
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new window.Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new window.Event('change', {bubbles: true}));", input, value);
    }

    /** Next month's meetup, so that the index shows an upcoming event beside the archive. */
    private void givenAnUpcomingEventIsPublished() {
        String start = java.time.LocalDate.now().plusMonths(1).atTime(18, 30).toString();
        String end = java.time.LocalDate.now().plusMonths(1).atTime(21, 0).toString();
        String body = "{\"title\":\"Leeds DevOps: Observability without the bill\",\"summary\":\"Tracing, "
                + "metrics and logs on a budget, with two talks and pizza.\",\"start\":\"" + start + "\",\"end\":\""
                + end + "\",\"timeZone\":\"Europe/London\",\"venue\":{\"name\":\"The ODI Node Leeds\","
                + "\"city\":\"Leeds\"},\"tickets\":[{\"label\":\"Meetup\",\"url\":\"https://www.meetup.com/"
                + "LeedsDevops/\",\"free\":true}]}";
        HttpResponse<String> created = send("POST", "/api/events", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.headers().firstValue("Location").orElseThrow().replaceFirst(".*/", "");
        assertThat(send("POST", "/api/events/" + id + "/publish", null).statusCode()).isEqualTo(200);
    }

    /** Pixels the page is wider than the window: a phone would scroll sideways. */
    private long horizontalOverflow() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");
    }

    /** The elements reaching past the window's right edge, to name in a failure. */
    private Object overflowing() {
        return ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                + ".map(e => e.tagName + '.' + e.className).slice(0, 10).join(', ')");
    }

    private void screenshot(String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Path.of(System.getProperty("handbill.screenshots", "target"), "screenshots");
        Files.createDirectories(dir);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        for (Path root = Path.of("").toAbsolutePath(); root != null; root = root.getParent()) {
            if (Files.isDirectory(root.resolve("docs/screenshots"))) {   // the README shows these
                Files.copy(shot.toPath(), root.resolve("docs/screenshots").resolve(name),
                        StandardCopyOption.REPLACE_EXISTING);
                break;
            }
        }
    }
}
