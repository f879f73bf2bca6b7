package io.handbill.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One object of the public site as it should be in the bucket.
 *
 * @param key        bucket key without a leading slash, e.g. {@code events/<slug>/index.html}
 * @param redirectTo for alias pages, the absolute URL they send readers to (stored as object metadata so the local
 *                   stack can answer with a 301); otherwise {@code null}
 */
public record SiteObject(String key, byte[] body, String contentType, String cacheControl, String redirectTo) {
    // written without a space before charset: S3Proxy (Jetty) normalises it away, so both stores then agree
    static final String HTML = "text/html;charset=utf-8";
    static final String ATOM = "application/atom+xml;charset=utf-8";
    static final String XML = "application/xml;charset=utf-8";
    static final String TEXT = "text/plain;charset=utf-8";
    static final String CSS = "text/css;charset=utf-8";
    static final String JAVASCRIPT = "text/javascript;charset=utf-8";
    static final String SVG = "image/svg+xml";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    /** Pages and feeds change on every edit: browsers and CloudFront re-check them after five minutes. */
    static final String SHORT_CACHE = "public, max-age=300";
    /** Hashed assets never change under the same name. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    static SiteObject page(String key, String html) {
        return new SiteObject(key, html.getBytes(StandardCharsets.UTF_8), HTML, SHORT_CACHE, null);
    }

    static SiteObject of(String key, String text, String contentType, String cacheControl) {
        return new SiteObject(key, text.getBytes(StandardCharsets.UTF_8), contentType, cacheControl, null);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** MD5 of the body alone, in hex: what S3 gives as the ETag of an object stored with one PUT. */
    public String md5() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hash of everything a reader receives (bytes and headers): equal hashes mean nothing to write. */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(body);
            digest.update((contentType + "\n" + cacheControl + "\n" + redirectTo).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
