package io.handbill.mail;

/** The mail provider refused a message for good (bad or suppressed recipient, rejected content). */
public final class MailRejectedException extends RuntimeException {
    private final String reason;

    public MailRejectedException(String reason) {
        super("Message rejected: " + reason);
        this.reason = reason;
    }

    /** The provider's error code, safe to store and show (no address in it). */
    public String reason() {
        return reason;
    }
}
