package io.handbill.subscribe;

import io.handbill.mail.MailRejectedException;
import io.handbill.mail.MailThrottledException;
import io.handbill.subscriber.EmailAddresses;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberState;
import io.handbill.subscriber.SubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Double opt-in. Subscribing records the address as PENDING and mails a signed confirm link; the caller learns
 * nothing about whether the address was known. {@link SubscribeLimits} keep the form from flooding anyone's inbox:
 * a mailbox gets one confirmation mail per window however its address is spelt, and a client may only ask so often
 * — except that someone who unsubscribed and comes back always gets their first mail. Logs carry no address, IP
 * or token.
 */
public final class SubscriptionService {
    private static final int WRITE_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    public enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, NO_LONGER_PENDING }

    private final SubscriberStore store;
    private final ConfirmationMail mail;
    private final OptIn optIn;

    public SubscriptionService(SubscriberStore store, ConfirmationMail mail, OptIn optIn) {
        this.store = store;
        this.mail = mail;
        this.optIn = optIn;
    }

    /**
     * @param typed    an address that passed {@link EmailAddresses#isValid}
     * @param sourceIp the client's address as API Gateway saw it
     * @throws TooManyRequestsException when this client has asked too often; nothing is stored or sent
     * @throws MailThrottledException   when SES is too busy to take the mail now; the next request may retry
     */
    public void subscribe(String typed, String sourceIp) {
        Instant now = optIn.clock().instant();
        String request = UUID.randomUUID().toString();
        if (!optIn.limits().clientMayAsk(sourceIp, now, request)) {
            log.info("Subscription request over the client limit; nothing sent");
            throw new TooManyRequestsException(SubscribeLimits.CLIENT_WINDOW);
        }
        String key = EmailAddresses.normalise(typed);
        Optional<Subscriber> known = store.get(key);
        boolean returning = known.isPresent() && known.get().state() == SubscriberState.UNSUBSCRIBED;
        try {
            if (!optIn.limits().mailboxMayBeMailed(typed, now, request) && !returning) {
                log.info("Subscription request within the mailbox cooldown; no mail sent");
                return;
            }
            for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
                Subscriber next = known.map(s -> s.resubscribe(typed, now))
                        .orElseGet(() -> Subscriber.pending(typed, now));
                boolean written = known.isPresent() ? store.update(next) : store.create(next);
                if (written) {
                    sendConfirmation(next, now);
                    return;
                }
                known = store.get(key);
            }
        } catch (RuntimeException e) {
            // the reader sees an error and may ask again: the mailbox's slot, which this request may or may not have
            // taken, must not then keep their mail from them
            try {
                optIn.limits().mailNotSent(typed, now);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        log.info("Subscription request raced with another; the other one mails");
    }

    private void sendConfirmation(Subscriber subscriber, Instant now) {
        try {
            byte[] message = mail.compose(subscriber, optIn.tokens().confirmToken(subscriber.key(), now),
                    optIn.limits().confirmationMailId(subscriber.email(), now));
            String messageId = optIn.sender().send(subscriber.email(), message);
            log.info("Confirmation mail sent, message {}", messageId);
        } catch (MailRejectedException e) {
            log.warn("Confirmation mail rejected: {}", e.reason());
        } catch (MailThrottledException e) {
            log.warn("Confirmation mail not sent: SES kept throttling");
            throw e;
        }
    }

    /** @throws io.handbill.subscriber.InvalidTokenException for a forged, foreign or expired token */
    public Confirmation confirm(String token) {
        Instant now = optIn.clock().instant();
        String key = optIn.tokens().verify(token, SubscriberTokens.Purpose.CONFIRM, now);
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<Subscriber> known = store.get(key);
            if (known.isEmpty() || known.get().state() == SubscriberState.UNSUBSCRIBED) {
                return Confirmation.NO_LONGER_PENDING;
            }
            if (known.get().state() == SubscriberState.CONFIRMED) {
                return Confirmation.ALREADY_CONFIRMED;
            }
            if (store.update(known.get().confirm(now))) {
                log.info("Subscriber confirmed");
                return Confirmation.CONFIRMED;
            }
        }
        throw new IllegalStateException("Subscriber kept changing while confirming");
    }

    /**
     * Idempotent: an unknown or already unsubscribed address is simply left as it is.
     *
     * @throws io.handbill.subscriber.InvalidTokenException for a forged or foreign token
     */
    public void unsubscribe(String token) {
        Instant now = optIn.clock().instant();
        String key = optIn.tokens().verify(token, SubscriberTokens.Purpose.UNSUBSCRIBE, now);
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<Subscriber> known = store.get(key);
            if (known.isEmpty() || known.get().state() == SubscriberState.UNSUBSCRIBED) {
                return;
            }
            if (store.update(known.get().unsubscribe(now))) {
                log.info("Subscriber unsubscribed");
                return;
            }
        }
        throw new IllegalStateException("Subscriber kept changing while unsubscribing");
    }

    /** Checks an unsubscribe token before showing the page with the button. */
    public void checkUnsubscribeToken(String token) {
        optIn.tokens().verify(token, SubscriberTokens.Purpose.UNSUBSCRIBE, optIn.clock().instant());
    }
}
