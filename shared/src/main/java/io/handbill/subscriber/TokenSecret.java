package io.handbill.subscriber;

import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;

import java.nio.charset.StandardCharsets;

/**
 * The HMAC secret for {@link SubscriberTokens}: {@code HMAC_SECRET} locally, otherwise the SSM SecureString named by
 * {@code HMAC_SECRET_PARAMETER}, read once at init. The SSM client is only touched on the second path, so a local
 * run needs neither SSM nor its classes.
 */
public final class TokenSecret {
    private TokenSecret() {
    }

    public static byte[] fromEnv() {
        String local = System.getenv("HMAC_SECRET");
        if (local != null && !local.isBlank()) {
            return local.getBytes(StandardCharsets.UTF_8);
        }
        return SsmSecureString.read(Env.required("HMAC_SECRET_PARAMETER"));
    }

    /** Kept apart so that the SSM SDK classes load only when a parameter is actually read. */
    private static final class SsmSecureString {
        static byte[] read(String name) {
            return AwsClients.ssm().getParameter(r -> r.name(name).withDecryption(true))
                    .parameter().value().getBytes(StandardCharsets.UTF_8);
        }
    }
}
