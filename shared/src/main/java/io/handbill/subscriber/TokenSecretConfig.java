package io.handbill.subscriber;

import io.handbill.aws.Env;
import io.handbill.aws.SsmSecureString;

import java.nio.charset.StandardCharsets;

/**
 * Where the HMAC key for {@link SubscriberTokens} comes from: {@code HMAC_SECRET} locally, otherwise the SSM
 * SecureString named by {@code HMAC_SECRET_PARAMETER}. SSM is only called on the second path, so a local run needs
 * no credentials for it.
 *
 * @param localSecret   {@code HMAC_SECRET}, or {@code null}
 * @param parameterName {@code HMAC_SECRET_PARAMETER}, or {@code null} when {@code localSecret} is set
 */
public record TokenSecretConfig(String localSecret, String parameterName) {
    public static TokenSecretConfig from(Env env) {
        String local = env.optional("HMAC_SECRET", null);
        return new TokenSecretConfig(local, local == null ? env.required("HMAC_SECRET_PARAMETER") : null);
    }

    /** Never the key itself, should a config ever be logged. */
    @Override
    public String toString() {
        return "TokenSecretConfig[" + (localSecret != null ? "HMAC_SECRET set" : "parameterName=" + parameterName)
                + "]";
    }

    /** The key, read from SSM once (at init) unless given locally. */
    public byte[] read() {
        String secret = localSecret != null ? localSecret : SsmSecureString.read(parameterName);
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
