package io.handbill.subscriber;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Signed links for one subscriber: {@code base64url(purpose|key|expiry).base64url(HMAC-SHA256)}. Nothing is stored
 * per token; the signature proves we issued it, the purpose stops a confirm link from unsubscribing (and back), and
 * the expiry (epoch seconds, 0 = never) bounds confirm links to {@link #CONFIRM_LIFETIME}.
 * Unsubscribe links never expire: they sit in old mails, and RFC 8058 wants them to keep working.
 */
public final class SubscriberTokens {
    public static final Duration CONFIRM_LIFETIME = Duration.ofHours(48);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a link may do; RSVP links share the secret but never pass for a subscription link, nor back. */
    public enum Purpose { CONFIRM, UNSUBSCRIBE, RSVP_CONFIRM, RSVP_CANCEL }

    private final SecretKeySpec key;

    public SubscriberTokens(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("The HMAC secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String confirmToken(String subscriberKey, Instant now) {
        return sign(Purpose.CONFIRM, subscriberKey, now.plus(CONFIRM_LIFETIME).getEpochSecond());
    }

    public String unsubscribeToken(String subscriberKey) {
        return sign(Purpose.UNSUBSCRIBE, subscriberKey, 0);
    }

    /** A token for any purpose; {@code expiresAt} {@code null} = never. */
    public String token(Purpose purpose, String key, Instant expiresAt) {
        return sign(purpose, key, expiresAt == null ? 0 : expiresAt.getEpochSecond());
    }

    /**
     * A stable id for {@code value} that does not reveal it: the first 15 bytes of its HMAC, base64url. RSVPs use it
     * so that an address never shows in a URL, a log line or an admin link.
     */
    public String opaqueId(String value) {
        byte[] mac = mac(("ID|" + value).getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(java.util.Arrays.copyOf(mac, 15));
    }

    /**
     * The subscriber key a token was issued for.
     *
     * @throws InvalidTokenException when the token is malformed, not ours, for another purpose, or expired
     */
    public String verify(String token, Purpose purpose, Instant now) {
        if (token == null) {
            throw new InvalidTokenException(false);
        }
        int dot = token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            throw new InvalidTokenException(false);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(false);
        }
        if (!MessageDigest.isEqual(signature, mac(payload))) {
            throw new InvalidTokenException(false);
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int first = text.indexOf('|');
        int last = text.lastIndexOf('|');
        if (first < 0 || last <= first || !text.substring(0, first).equals(purpose.name())) {
            throw new InvalidTokenException(false);
        }
        long expiry = Long.parseLong(text.substring(last + 1));
        if (expiry != 0 && now.getEpochSecond() >= expiry) {
            throw new InvalidTokenException(true);
        }
        return text.substring(first + 1, last);
    }

    private String sign(Purpose purpose, String subscriberKey, long expiry) {
        byte[] payload = (purpose.name() + "|" + subscriberKey + "|" + expiry).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
