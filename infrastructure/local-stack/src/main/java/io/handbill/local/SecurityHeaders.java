package io.handbill.local;

import java.util.Map;

/**
 * The response headers CloudFront adds to the public site and to the admin form (the {@code SiteHeadersPolicy}
 * and {@code AdminHeadersPolicy} of template.yaml), and that the local stack's front sends on the same paths: one
 * list, which a template test holds the policies to. Neither CSP allows inline scripts or styles; the site has no
 * scripts at all (its JSON-LD block is data, which CSP does not govern).
 */
public final class SecurityHeaders {
    /** Two years: what HSTS preload lists ask for. */
    public static final int HSTS_MAX_AGE_SECONDS = 63_072_000;
    private static final String HSTS = "max-age=" + HSTS_MAX_AGE_SECONDS + "; includeSubDomains";

    public static final String SITE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'; frame-ancestors 'self'";
    /**
     * The admin form also talks to Cognito's hosted UI token endpoint when deployed; its page preview (a sandboxed
     * {@code srcdoc} frame, which inherits this policy) shows cover pictures from anywhere, as the site does.
     */
    public static final String ADMIN_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https:; connect-src 'self' https://*.amazoncognito.com; form-action 'self'; "
            + "base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    public static final Map<String, String> SITE = Map.of(
            "Content-Security-Policy", SITE_CSP,
            "Strict-Transport-Security", HSTS,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "SAMEORIGIN",
            "Referrer-Policy", "strict-origin-when-cross-origin");

    /** {@code same-origin}, not {@code no-referrer}: under that, browsers send {@code Origin: null} on the form's own posts. */
    public static final Map<String, String> ADMIN = Map.of(
            "Content-Security-Policy", ADMIN_CSP,
            "Strict-Transport-Security", HSTS,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "same-origin");

    private SecurityHeaders() {
    }
}
