package io.handbill.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A browser test's fixture: a local stack started in this JVM and {@link HeadlessChromium} pointed at it, both
 * stopped after the class, with HTTP calls to the stack's API as the admin (or a reader) makes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserOnLocalStack {
    static final Duration WAIT = Duration.ofSeconds(15);

    private final String token;
    private final boolean samples;
    LocalStack stack;
    ChromeDriver browser;
    WebDriverWait wait;

    /** {@code token} is the admin's; {@code samples} whether the stack starts with its sample events. */
    BrowserOnLocalStack(String token, boolean samples) {
        this.token = token;
        this.samples = samples;
    }

    @BeforeAll
    void startStackAndBrowser(@TempDir Path data, @TempDir Path profile) {
        assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
        stack = LocalStack.start(new LocalOptions(0, data, token, samples));
        browser = HeadlessChromium.start(profile);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterAll
    void stopBrowserAndStack() {
        try (LocalStack started = stack) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    List<String> axeViolations() {
        return HeadlessChromium.axeViolations(browser);
    }

    /** A JSON call (or none with a null body) to the API as the signed-in admin in the admin page would make it. */
    HttpResponse<String> send(String method, String path, String json) {
        return exchange(HttpRequest.newBuilder(URI.create(stack.url() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Origin", stack.url()));
    }

    /** A GET as the admin or, with {@code admin} false, as a reader with no token. */
    HttpResponse<String> get(String path, boolean admin) {
        var request = HttpRequest.newBuilder(URI.create(stack.url() + path)).GET();
        if (admin) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request);
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
