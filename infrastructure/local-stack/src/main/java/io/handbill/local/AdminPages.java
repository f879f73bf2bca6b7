package io.handbill.local;

import com.sun.net.httpserver.HttpExchange;
import io.handbill.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /admin/}: the static admin form from the classpath (the same files deployed under {@code admin/} in the
 * bucket for AWS), and its {@code config.json}, which locally hands the form the admin token instead of sending it
 * to Cognito. The token is only served to pages loaded from localhost ({@link FrontDoor} turns
 * other {@code Host}s away), so a DNS-rebinding page cannot read it. It also tells the form to send presigned
 * uploads for S3Proxy's origin through the stack's own ({@link UploadProxy}).
 */
record AdminPages(AdminToken token, String siteUrl, String s3Origin) {
    private static final Pattern FILE = Pattern.compile("/admin/([a-z0-9-]+\\.(html|css|js|svg|json))");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json");

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            Responses.problem(exchange, 405, "Method Not Allowed", "The admin form answers GET and HEAD.");
            return;
        }
        if (path.equals("/admin")) {
            Responses.redirect(exchange, 301, "/admin/");
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (path.equals("/admin/config.json")) {
            config(exchange);
            return;
        }
        String file = path.equals("/admin/") ? "index.html" : null;
        var matcher = FILE.matcher(path);
        if (file == null && matcher.matches()) {
            file = matcher.group(1);
        }
        byte[] body = file == null ? null : resource("/admin/" + file);
        if (body == null) {
            Responses.problem(exchange, 404, "Not Found", "The admin form has no such file.");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
        Responses.send(exchange, 200, body);
    }

    private void config(HttpExchange exchange) throws IOException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("auth", "local");
        config.put("token", token.value());
        config.put("apiBase", "");
        config.put("siteUrl", siteUrl);
        config.put("uploadProxy", Map.of("origin", s3Origin, "path", UploadProxy.PATH));
        Responses.json(exchange, 200, Json.write(config));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AdminPages.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
