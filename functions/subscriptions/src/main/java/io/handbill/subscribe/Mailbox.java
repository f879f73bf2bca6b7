package io.handbill.subscribe;

import java.util.Locale;

/**
 * The mailbox an address delivers to, as far as that is safe to tell: {@code +tag} sub-addresses land in the same
 * inbox at every major provider, and Gmail ignores dots in its local parts (no other provider promises that, so
 * dots are kept elsewhere). {@code Victim+1@Gmail.com} and {@code v.ictim@googlemail.com} are one mailbox.
 * The mail limits count by it and an RSVP is keyed on it, so one mailbox is one person everywhere.
 */
final class Mailbox {
    private Mailbox() {
    }

    /** @param address an address that passed {@link io.handbill.subscriber.EmailAddresses#isValid} */
    static String of(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        String local = lower.substring(0, at);
        String domain = lower.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (domain.equals("googlemail.com")) {
            domain = "gmail.com";
        }
        if (domain.equals("gmail.com")) {
            String undotted = local.replace(".", "");
            local = undotted.isEmpty() ? local : undotted;
        }
        return local + "@" + domain;
    }
}
