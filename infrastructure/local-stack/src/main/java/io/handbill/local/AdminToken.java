package io.handbill.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The local stand-in for Cognito and API Gateway's JWT authorizer: a request bearing the admin token gets the
 * claims an organiser's ID token would carry, rendered as API Gateway renders them (every claim a string, a list
 * claim as {@code [a b]}); any other request gets none.
 */
public final class AdminToken {
    public static final String ORGANISER_SUB = "00000000-0000-4000-8000-00000000a11c";
    public static final String ORGANISER_EMAIL = "organiser@handbill.local";
    private static final String BEARER = "Bearer ";

    private final String token;

    public AdminToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The admin token is blank");
        }
        this.token = token;
    }

    public static AdminToken random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new AdminToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String value() {
        return token;
    }

    /** Whether an {@code Authorization} header value carries this token; compared in constant time. */
    public boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] offered = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, token.getBytes(StandardCharsets.UTF_8));
    }

    /** The claims of the local organiser, as {@code requestContext.authorizer.jwt.claims}. */
    public Map<String, String> organiserClaims(long issuedAtEpochSecond) {
        return Map.of(
                "sub", ORGANISER_SUB,
                "email", ORGANISER_EMAIL,
                "email_verified", "true",
                "cognito:groups", "[organisers]",
                "cognito:username", "organiser",
                "token_use", "id",
                "iss", "http://localhost/handbill-local",
                "iat", Long.toString(issuedAtEpochSecond),
                "exp", Long.toString(issuedAtEpochSecond + 3600));
    }
}
