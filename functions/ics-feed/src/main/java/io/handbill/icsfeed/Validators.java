package io.handbill.icsfeed;

import io.handbill.http.ApiRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A representation's HTTP validators (RFC 9110 §8.8) and the GET/HEAD preconditions that use them: a matching
 * {@code If-None-Match}, or failing that an {@code If-Modified-Since} no older than {@code lastModified}, means
 * 304 Not Modified.
 *
 * @param etag strong entity tag, quoted
 */
record Validators(String etag, Instant lastModified) {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    Validators {
        lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
    }

    boolean notModified(ApiRequest request) {
        Optional<String> ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch.isPresent()) {
            // GET and HEAD compare weakly: a CDN may have marked our tag W/ after compressing the body
            return Arrays.stream(ifNoneMatch.get().split(","))
                    .map(tag -> tag.trim().startsWith("W/") ? tag.trim().substring(2) : tag.trim())
                    .anyMatch(tag -> tag.equals(etag) || tag.equals("*"));
        }
        return request.header("If-Modified-Since").flatMap(Validators::parseHttpDate)
                .map(since -> !lastModified.isAfter(since)).orElse(false);
    }

    /** {@code If-None-Match: *} asks whether the resource exists at all, which the validators cannot tell. */
    static boolean asksForAnyVersion(ApiRequest request) {
        return request.header("If-None-Match").map(value -> value.trim().equals("*")).orElse(false);
    }

    Map<String, String> headers() {
        return Map.of("ETag", etag, "Last-Modified", HTTP_DATE.format(lastModified));
    }

    private static Optional<Instant> parseHttpDate(String value) {
        try {
            return Optional.of(Instant.from(HTTP_DATE.parse(value.trim())));
        } catch (DateTimeParseException e) {
            // an unreadable date is ignored, as RFC 9110 §13.1.3 requires
            return Optional.empty();
        }
    }
}
