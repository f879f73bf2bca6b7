package io.handbill.local;

import com.sun.net.httpserver.HttpExchange;
import io.handbill.model.SitePaths;
import io.handbill.render.BucketWriter;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The public site as CloudFront serves it from the bucket: {@code /} and {@code /dir/} answer with
 * {@code index.html}, {@code /dir} with a 301 to {@code /dir/}; an alias object (one carrying a redirect target in
 * its metadata, which S3's website redirect header would carry if S3Proxy supported it) answers with a 301 to the
 * event page; anything else missing is the bucket's {@code 404.html} with status 404. Bodies and content types are
 * exactly as rendered; caching is not: every response is {@code no-cache} (revalidated by ETag), so an edit shows on
 * the next reload. Of the object's headers only those CloudFront passes on reach the browser (type, ETag,
 * Last-Modified; the length is the body's): nothing of S3Proxy's or the bucket's own metadata.
 */
record SiteFromBucket(S3Client s3, String bucket) {
    /** IMF-fixdate (RFC 9110): always two digits for the day, unlike RFC_1123_DATE_TIME. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT).withZone(ZoneOffset.UTC);

    void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            Responses.problem(exchange, 405, "Method Not Allowed", "The site answers GET and HEAD.");
            return;
        }
        String path = normalisedPath(exchange.getRequestURI());
        if (path == null) {
            Responses.problem(exchange, 400, "Bad Request", "The path leaves the site or is not valid.");
            return;
        }
        String key = path.substring(1);
        Optional<ResponseBytes<GetObjectResponse>> object = get(SitePaths.key(path));
        if (object.isEmpty() && !key.isEmpty() && !key.endsWith("/")) {
            Optional<ResponseBytes<GetObjectResponse>> directory = get(SitePaths.key(path + "/"));
            if (directory.isPresent()) {
                String target = redirectTarget(directory.get().response()).orElse(path + "/");
                Responses.redirect(exchange, 301, target);
                return;
            }
        }
        if (object.isEmpty()) {
            Optional<ResponseBytes<GetObjectResponse>> notFound = get(SitePaths.key(SitePaths.NOT_FOUND));
            if (notFound.isPresent()) {
                send(exchange, 404, notFound.get());
            } else {
                Responses.problem(exchange, 404, "Not Found", "There is nothing at this address.");
            }
            return;
        }
        Optional<String> redirect = redirectTarget(object.get().response());
        if (redirect.isPresent()) {
            Responses.redirect(exchange, 301, redirect.get());
            return;
        }
        send(exchange, 200, object.get());
    }

    private static void send(HttpExchange exchange, int status, ResponseBytes<GetObjectResponse> object)
            throws IOException {
        GetObjectResponse response = object.response();
        var headers = exchange.getResponseHeaders();
        if (response.contentType() != null) {
            headers.set("Content-Type", response.contentType());
        }
        // In AWS, browsers keep pages for their max-age; on a laptop an edit must show on the next reload.
        headers.set("Cache-Control", "no-cache");
        if (response.eTag() != null) {
            headers.set("ETag", response.eTag());
        }
        if (response.lastModified() != null) {
            headers.set("Last-Modified", HTTP_DATE.format(response.lastModified()));
        }
        if (response.eTag() != null && response.eTag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))
                && status == 200) {
            Responses.send(exchange, 304, null);
            return;
        }
        Responses.send(exchange, status, object.asByteArray());
    }

    private Optional<ResponseBytes<GetObjectResponse>> get(String key) {
        if (key.lastIndexOf('/') > key.indexOf('.') && key.indexOf('.') >= 0 && belowAnObject(key)) {
            return Optional.empty();   // "index.html/x": answered without S3Proxy's retried 500 below
        }
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            // S3 has no directories, but S3Proxy's file-system store has: below a key that is a file
            // ("index.html/x") it fails where S3 would answer NoSuchKey.
            if (e.statusCode() == 500 && belowAnObject(key)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private boolean belowAnObject(String key) {
        // from the top down: S3Proxy fails (and the SDK retries) on every ancestor below the file
        for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
            String ancestor = key.substring(0, slash);
            try {
                s3.headObject(b -> b.bucket(bucket).key(ancestor));
                return true;
            } catch (S3Exception e) {
                // not an object either: look further up
            }
        }
        return false;
    }

    private static Optional<String> redirectTarget(GetObjectResponse response) {
        if (response.websiteRedirectLocation() != null) {
            return Optional.of(response.websiteRedirectLocation());
        }
        return Optional.ofNullable(response.metadata().get(BucketWriter.REDIRECT)).filter(v -> !v.isBlank());
    }

    /** The decoded path, or null when it tries to leave the site or is malformed. */
    private static String normalisedPath(URI uri) {
        String raw = uri.getRawPath();
        if (raw == null || !raw.startsWith("/")) {
            return null;
        }
        try {
            String path = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (path.contains("/../") || path.endsWith("/..") || path.contains("//") || path.contains("\\")
                    || path.indexOf('\0') >= 0) {
                return null;
            }
            return path;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
