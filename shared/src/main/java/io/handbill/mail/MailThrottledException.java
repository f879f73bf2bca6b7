package io.handbill.mail;

/** The provider kept throttling after every backoff: nothing was sent, and a later attempt may succeed. */
public final class MailThrottledException extends RuntimeException {
    public MailThrottledException() {
        super("Still throttled after backoff");
    }
}
