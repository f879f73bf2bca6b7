package io.handbill.sync.ics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** Fetches a feed: a local file, or an http(s) or webcal URL. */
public final class FeedSource {
    /** Meetup's busiest group feeds are a few hundred KB; anything far larger is not a group's calendar. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<HttpClient> http;
    private final Duration timeout;

    public FeedSource(HttpClient http) {
        this(http, TIMEOUT);
    }

    /** @param timeout how long a fetch may wait for the response (tests shorten it to meet a feed that hangs) */
    public FeedSource(HttpClient http, Duration timeout) {
        this(() -> http, timeout);
    }

    private FeedSource(Supplier<HttpClient> http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    /** Fetches URLs with {@link DefaultClient}, built on the first URL fetched. */
    public static FeedSource withDefaultClient() {
        return new FeedSource(() -> DefaultClient.HTTP, TIMEOUT);
    }

    /** In a class of its own, so a file feed never builds the client and its TLS context (some 300 classes). */
    private static final class DefaultClient {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public static boolean isUrl(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("webcal://");
    }

    public String read(String location) throws IOException {
        if (!isUrl(location)) {
            Path file = Path.of(location);
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException(location + ": larger than " + MAX_BYTES / 1024 / 1024 + " MB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        URI uri = URI.create(location.replaceFirst("(?i)^webcal://", "https://"));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "text/calendar, */*;q=0.5").header("User-Agent", "Handbill feed import").GET().build();
        try {
            HttpResponse<byte[]> response = http.get().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + uri + " → " + response.statusCode());
            }
            if (response.body().length > MAX_BYTES) {
                throw new IOException("GET " + uri + ": larger than " + MAX_BYTES / 1024 / 1024 + " MB");
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("GET " + uri + ": interrupted", e);
        }
    }
}
