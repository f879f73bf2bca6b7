package io.handbill.mail;

import java.util.regex.Pattern;

/** The mail provider refused a message for good (bad or suppressed recipient, rejected content). */
public final class MailRejectedException extends RuntimeException {
    /** An error code such as {@code MessageRejected}: a provider's free text can quote the recipient's address. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    static final String UNKNOWN = "Rejected";

    private final String reason;

    /** @param code the provider's error code; anything else (free text) is kept as {@link #UNKNOWN} */
    public MailRejectedException(String code) {
        super("Message rejected: " + codeOnly(code));
        this.reason = codeOnly(code);
    }

    private static String codeOnly(String code) {
        return code != null && CODE.matcher(code).matches() ? code : UNKNOWN;
    }

    /** The provider's error code, safe to store, show and log (no address in it). */
    public String reason() {
        return reason;
    }
}
