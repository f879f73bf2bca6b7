package io.handbill.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.handbill.ical.IcsWriter;
import io.handbill.json.Json;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one builder of HTTP responses: a body of one kind (JSON, problem+json, an HTML page, a calendar, CSV, or
 * none), its {@code Cache-Control} ({@code no-store} unless the route chooses otherwise: admin data and per-reader
 * answers must not sit in shared caches) and the headers every response carries ({@code nosniff}, no referrer).
 * HTML pages also get a strict Content-Security-Policy, HSTS and frame denial.
 */
public final class HttpResponse {
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String HTML = "text/html; charset=utf-8";
    public static final String CSV = "text/csv; charset=utf-8";
    public static final String NO_STORE = "no-store";
    /** As template.yaml's ResponseHeadersPolicys send it for the site and the admin form: two years. */
    static final String HSTS = "max-age=63072000; includeSubDomains";

    private final int status;
    private final String contentType;
    private final String body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String cacheControl = NO_STORE;

    private HttpResponse(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public static HttpResponse json(int status, Object body) {
        return jsonText(status, Json.write(body));
    }

    /** A body that is already JSON text, such as a stored response being replayed. */
    public static HttpResponse jsonText(int status, String json) {
        return new HttpResponse(status, JSON, json);
    }

    public static HttpResponse problem(Problem problem) {
        return new HttpResponse(problem.status(), PROBLEM_JSON, Json.write(problem));
    }

    /** The exception's problem with its extra headers ({@code WWW-Authenticate}, {@code Accept-Post}). */
    public static HttpResponse problem(ProblemException e) {
        return problem(e.problem()).headers(e.headers());
    }

    /** A page for a browser, locked down by {@code policy}. */
    public static HttpResponse html(int status, String page, ContentSecurityPolicy policy) {
        return new HttpResponse(status, HTML, page)
                .header("Content-Security-Policy", policy.value())
                .header("Strict-Transport-Security", HSTS)
                .header("X-Frame-Options", "DENY");
    }

    /** 200 with an iCalendar body; {@code null} for a HEAD, which gets the same headers. */
    public static HttpResponse calendar(String ics) {
        return new HttpResponse(200, IcsWriter.CONTENT_TYPE, ics);
    }

    /** 200 with a CSV download named {@code filename}. */
    public static HttpResponse csv(String csv, String filename) {
        return new HttpResponse(200, CSV, csv)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    /** A response without a body, such as 204 or 304. */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, null, null);
    }

    public HttpResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpResponse headers(Map<String, String> extra) {
        headers.putAll(extra);
        return this;
    }

    /** Replaces {@code no-store}, for a route whose answers may be cached. */
    public HttpResponse cacheControl(String value) {
        cacheControl = value;
        return this;
    }

    public int status() {
        return status;
    }

    /** The body's length in characters, 0 without one: what the access log reports. */
    int bodyLength() {
        return body == null ? 0 : body.length();
    }

    public APIGatewayV2HTTPResponse toApiGateway() {
        var all = new HashMap<String, String>(headers);
        if (contentType != null) {
            all.put("Content-Type", contentType);
        }
        all.put("Cache-Control", cacheControl);
        all.put("X-Content-Type-Options", "nosniff");
        all.put("Referrer-Policy", "no-referrer");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all).withBody(body)
                .withIsBase64Encoded(false).build();
    }
}
