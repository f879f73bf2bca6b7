package io.handbill.subscribe;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * How often subscribing may cost a mail. Per client (the source address API Gateway saw; an IPv6 client is its
 * /64, which one household or attacker holds whole): {@value #CLIENT_LIMIT} requests per {@link #CLIENT_WINDOW},
 * enough for a meetup's shared Wi-Fi. Per mailbox ({@link Mailbox}): one confirmation mail per
 * {@link #MAILBOX_WINDOW}, however the address is spelt. RSVPs are limited the same way with counters of their own
 * (a client's RSVPs do not use up its subscribe requests), the mailbox counted per event, so that one person can
 * RSVP to two events in a row. All are counted in a {@link CooldownStore} under an HMAC of the client or mailbox,
 * so the table holds neither addresses nor IPs, and nothing logs them.
 */
public final class SubscribeLimits {
    static final int CLIENT_LIMIT = 20;
    static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);
    static final Duration MAILBOX_WINDOW = Duration.ofMinutes(10);

    private final CooldownStore store;
    private final SecretKeySpec key;

    public SubscribeLimits(CooldownStore store, byte[] hmacSecret) {
        this.store = store;
        this.key = new SecretKeySpec(hmacSecret, "HmacSHA256");
    }

    /** Counts one subscribe request ({@code request}) from this client; false when it has used up its window. */
    boolean clientMayAsk(String sourceIp, Instant now, String request) {
        return store.take(hash("client", client(sourceIp)), CLIENT_LIMIT, CLIENT_WINDOW, now, request);
    }

    /**
     * Whether this address's mailbox may get a confirmation mail now, for {@code request}; true takes its slot for
     * the window.
     */
    boolean mailboxMayBeMailed(String address, Instant now, String request) {
        return store.take(mailboxKey(address), 1, MAILBOX_WINDOW, now, request);
    }

    /**
     * The Message-ID's local part of this mailbox's confirmation mail in the window holding {@code now}: a reader who
     * asks again after an error whose mail had in fact gone out gets the same message again, which mail systems
     * show once, rather than a second one.
     */
    String confirmationMailId(String address, Instant now) {
        return hash("mail", Mailbox.of(address) + "#" + now.getEpochSecond() / MAILBOX_WINDOW.toSeconds())
                .replace('#', '.');
    }

    /** The mail was not sent after all: the next request may try again at once. */
    void mailNotSent(String address, Instant now) {
        store.giveBack(mailboxKey(address), MAILBOX_WINDOW, now);
    }

    /** Counts one RSVP request ({@code request}) from this client; false when it has used up its window. */
    boolean clientMayRsvp(String sourceIp, Instant now, String request) {
        return store.take(hash("rsvp-client", client(sourceIp)), CLIENT_LIMIT, CLIENT_WINDOW, now, request);
    }

    /** Whether this mailbox may get an RSVP confirmation mail for this event now; true takes the window's slot. */
    boolean rsvpMailMayBeSent(String eventId, String address, Instant now, String request) {
        return store.take(rsvpMailboxKey(eventId, address), 1, MAILBOX_WINDOW, now, request);
    }

    /** The RSVP confirmation mail was not sent after all: the next request may try again at once. */
    void rsvpMailNotSent(String eventId, String address, Instant now) {
        store.giveBack(rsvpMailboxKey(eventId, address), MAILBOX_WINDOW, now);
    }

    private String rsvpMailboxKey(String eventId, String address) {
        return hash("rsvp-mailbox", eventId + "|" + Mailbox.of(address));
    }

    private String mailboxKey(String address) {
        return hash("mailbox", Mailbox.of(address));
    }

    /** The client an address stands for: itself for IPv4, its /64 network for IPv6. */
    private static String client(String sourceIp) {
        if (sourceIp == null || sourceIp.isBlank()) {
            return "unknown";
        }
        try {
            byte[] address = InetAddress.getByName(sourceIp.contains(":") || sourceIp.matches("[0-9.]+")
                    ? sourceIp : "0.0.0.0").getAddress();
            return Base64.getEncoder().encodeToString(address.length == 16 ? Arrays.copyOf(address, 8) : address);
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private String hash(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return kind + "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
