package io.handbill.testkit;

import java.nio.file.Path;

/**
 * One message the SES stub accepted.
 *
 * @param eml       the file in the outbox: {@code .eml} (raw MIME) for raw sends, {@code .json} (the request) for
 *                  simple-content sends
 * @param raw       the file's bytes
 * @param messageId the id SES answered with
 */
public record SentEmail(Path eml, byte[] raw, String messageId) {
    public boolean isMime() {
        return eml.getFileName().toString().endsWith(".eml");
    }
}
