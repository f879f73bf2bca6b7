package io.handbill.mail;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

/**
 * {@link MailSender} over SES v2 {@code SendEmail} with raw content. Sends are paced by a {@link SendRate};
 * throttling is retried with exponential backoff (SES says nothing was sent) and, if it persists, becomes a
 * {@link MailThrottledException}; a permanent refusal becomes a {@link MailRejectedException}; any other SES error
 * becomes an {@link IllegalStateException} naming only its code (SES messages can quote addresses, which must not
 * reach the logs), since whether SES accepted the message is then unknown.
 *
 * @param configurationSet SES configuration set name, or {@code null}
 */
public record SesMailSender(SesV2Client ses, String configurationSet, SendRate rate) implements MailSender {
    static final int MAX_ATTEMPTS = 6;
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 3_000;

    @Override
    public String send(String to, byte[] raw) {
        SendEmailRequest request = SendEmailRequest.builder()
                .destination(d -> d.toAddresses(to))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))))
                .configurationSetName(configurationSet)
                .build();
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            rate.acquire();
            try {
                return ses.sendEmail(request).messageId();
            } catch (MessageRejectedException | MailFromDomainNotVerifiedException | BadRequestException e) {
                throw new MailRejectedException(errorCode(e));
            } catch (SesV2Exception e) {
                if (!e.isThrottlingException()) {
                    // SES error texts can quote recipient addresses: keep only the code, which is safe to log
                    throw new IllegalStateException("SES SendEmail failed: HTTP " + e.statusCode() + " "
                            + errorCode(e));
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new MailThrottledException();
                }
                sleep(backoff + (long) (Math.random() * backoff));
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private static String errorCode(SesV2Exception e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return code == null ? e.getClass().getSimpleName() : code;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }
}
