package io.handbill.mail;

/** Sends one finished MIME message to one recipient. */
public interface MailSender {

    /**
     * @param to  the envelope recipient (the same address as the message's To header)
     * @param raw the whole RFC 5322 message
     * @return the provider's message id
     * @throws MailRejectedException when the provider refuses this message for good; retrying will not help
     */
    String send(String to, byte[] raw);
}
