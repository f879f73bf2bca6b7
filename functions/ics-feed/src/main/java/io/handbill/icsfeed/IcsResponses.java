package io.handbill.icsfeed;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.ical.IcsWriter;

import java.util.HashMap;
import java.util.Map;

/**
 * Responses of the calendar routes. Calendars may sit in a CDN for a few minutes and be served stale while it
 * revalidates (a revalidation costs one small read); 404s are cached briefly, so a newly published event appears
 * soon; errors are not cached.
 */
final class IcsResponses {
    static final String CACHE_CALENDAR = "public, max-age=300, stale-while-revalidate=600, stale-if-error=86400";
    static final String CACHE_NOT_FOUND = "public, max-age=60";
    private static final String TEXT = "text/plain; charset=utf-8";

    private IcsResponses() {
    }

    /** 200 with the calendar; a HEAD gets the same headers and no body. */
    static APIGatewayV2HTTPResponse calendar(String body, String disposition, Validators validators) {
        var headers = new HashMap<>(validators.headers());
        headers.put("Content-Disposition", disposition);
        return response(200, IcsWriter.CONTENT_TYPE, CACHE_CALENDAR, body, headers);
    }

    static APIGatewayV2HTTPResponse notModified(Validators validators) {
        return response(304, null, CACHE_CALENDAR, null, validators.headers());
    }

    static APIGatewayV2HTTPResponse notFound() {
        return response(404, TEXT, CACHE_NOT_FOUND, "No published event at this address.\n", Map.of());
    }

    static APIGatewayV2HTTPResponse methodNotAllowed() {
        return response(405, TEXT, "no-store", "Use GET or HEAD.\n", Map.of("Allow", "GET, HEAD"));
    }

    static APIGatewayV2HTTPResponse serverError() {
        return response(500, TEXT, "no-store", "The calendar is unavailable just now. Please try again later.\n",
                Map.of());
    }

    private static APIGatewayV2HTTPResponse response(int status, String contentType, String cacheControl,
                                                     String body, Map<String, String> extra) {
        var headers = new HashMap<String, String>(extra);
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.put("Cache-Control", cacheControl);
        headers.put("X-Content-Type-Options", "nosniff");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false).build();
    }
}
