package io.handbill.local;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/**
 * {@code PUT /local/uploads/<bucket>/media/<file>?<presigned query>}: the admin form's presigned cover upload, passed
 * on unchanged to S3Proxy. Deployed, the browser PUTs to the bucket's own endpoint (CORS and the admin CSP allow
 * it); locally S3Proxy is another origin the CSP keeps out, so the stack takes the PUT on its own origin. S3Proxy
 * checks the signature, which covers its own host, the path, the type and the length: this forwards exactly those.
 */
record UploadProxy(URI s3Endpoint, String bucket, HttpClient http) {
    static final String PATH = "/local/uploads";
    private static final Pattern UPLOAD = Pattern.compile("/[a-z0-9.-]+/media/[0-9a-f]{32}\\.(jpg|png)");

    UploadProxy(URI s3Endpoint, String bucket) {
        this(s3Endpoint, bucket, HttpClient.newHttpClient());
    }

    /** The origin whose presigned URLs the admin form sends here instead ({@code config.json}'s uploadProxy). */
    String s3Origin() {
        return s3Endpoint.getScheme() + "://" + s3Endpoint.getRawAuthority();
    }

    void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath().substring(PATH.length());
        if (!exchange.getRequestMethod().equals("PUT")) {
            exchange.getResponseHeaders().set("Allow", "PUT");
            Responses.problem(exchange, 405, "Method Not Allowed", "PUT a picture to a presigned upload URL.");
            return;
        }
        if (!UPLOAD.matcher(target).matches() || !target.startsWith("/" + bucket + "/")) {
            Responses.problem(exchange, 404, "Not Found", "Only cover uploads into the site bucket pass here.");
            return;
        }
        String query = exchange.getRequestURI().getRawQuery();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        var request = HttpRequest.newBuilder(URI.create(s3Origin() + target + (query == null ? "" : "?" + query)))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while passing the upload on", e);
        }
        answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
        answer.headers().firstValue("ETag").ifPresent(t -> exchange.getResponseHeaders().set("ETag", t));
        Responses.send(exchange, answer.statusCode(), answer.body().length == 0 ? null : answer.body());
    }
}
