package io.handbill.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * The {@code Content-Security-Policy} of an HTML page the API serves: nothing may load or run but the page's own
 * inline style blocks, allowed by their SHA-256 hashes (so an injected {@code <style>} or {@code <script>} would
 * not apply), and images from the site (the browser's favicon request). Forms post only to this origin; the page
 * may not be framed.
 */
public record ContentSecurityPolicy(String value) {

    /** @param inlineStyles the exact text of each {@code <style>} block of the page, between the tags */
    public static ContentSecurityPolicy forPage(String... inlineStyles) {
        String styles = inlineStyles.length == 0 ? "'none'" : Arrays.stream(inlineStyles)
                .map(ContentSecurityPolicy::sha256Source).collect(Collectors.joining(" "));
        return new ContentSecurityPolicy("default-src 'none'; style-src " + styles + "; img-src 'self'; "
                + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    }

    static String sha256Source(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
