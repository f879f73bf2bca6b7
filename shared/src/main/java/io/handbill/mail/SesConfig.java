package io.handbill.mail;

import io.handbill.aws.Env;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * How a function sends through SES.
 *
 * @param configurationSet {@code SES_CONFIGURATION_SET}, or {@code null} for none
 * @param ratePerSecond    {@code SEND_RATE_PER_SECOND}, at most the account's SES sending rate
 */
public record SesConfig(String configurationSet, double ratePerSecond) {
    /** The SES sandbox's rate, and template.yaml's default. */
    public static final double DEFAULT_RATE_PER_SECOND = 1;

    public static SesConfig from(Env env) {
        return new SesConfig(env.optional("SES_CONFIGURATION_SET", null),
                env.positiveNumber("SEND_RATE_PER_SECOND", DEFAULT_RATE_PER_SECOND));
    }

    public SesMailSender sender(SesV2Client ses) {
        return new SesMailSender(ses, configurationSet, new SendRate(ratePerSecond));
    }
}
