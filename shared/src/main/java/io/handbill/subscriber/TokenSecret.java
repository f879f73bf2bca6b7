package io.handbill.subscriber;

import io.handbill.aws.Env;
import io.handbill.aws.SsmSecureString;

import java.nio.charset.StandardCharsets;

/**
 * The HMAC secret for {@link SubscriberTokens}: {@code HMAC_SECRET} locally, otherwise the SSM SecureString named by
 * {@code HMAC_SECRET_PARAMETER}, read once at init. SSM is only called on the second path, so a local run needs
 * no credentials for it.
 */
public final class TokenSecret {
    private TokenSecret() {
    }

    public static byte[] fromEnv() {
        String local = System.getenv("HMAC_SECRET");
        if (local != null && !local.isBlank()) {
            return local.getBytes(StandardCharsets.UTF_8);
        }
        return SsmSecureString.read(Env.required("HMAC_SECRET_PARAMETER")).getBytes(StandardCharsets.UTF_8);
    }
}
