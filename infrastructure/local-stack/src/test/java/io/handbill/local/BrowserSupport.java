package io.handbill.local;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the browser tests share: Debian's headless Chromium (nothing is downloaded), plain HTTP requests to the
 * stack beside the browser, and axe-core's serious findings on the open page.
 */
final class BrowserSupport {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private BrowserSupport() {
    }

    /** Skips the calling test class unless chromium and chromium-driver are installed. */
    static void assumeChromium() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "Browser test skipped: install Debian's chromium and chromium-driver (/usr/bin/chromedriver)");
    }

    /** Headless, British English, 1280 × 1600, on its own {@code profile}; callers may add more. */
    static ChromeOptions options(Path profile) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1600", "--lang=en-GB",
                "--user-data-dir=" + profile.toAbsolutePath());
        return options;
    }

    static ChromeDriver start(ChromeOptions options) {
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    /** Quits the browser, then stops the stack; either is null when the class was skipped before it started. */
    static void quit(WebDriver browser, LocalStack stack) {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** axe-core's serious and critical violations on the page {@code browser} shows, one line each. */
    @SuppressWarnings("unchecked")
    static List<String> axeViolations(WebDriver browser) throws IOException {
        var js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(axeCore()));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return (List<String>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(error => done(['axe failed: ' + error]));
                """);
    }

    private static Path axeCore() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("node_modules/axe-core/axe.min.js"),
                    dir.resolve("infrastructure/node_modules/axe-core/axe.min.js"))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("axe-core is not installed: run npm install in infrastructure/");
    }
}
