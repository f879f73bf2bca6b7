package io.handbill.store;

import java.time.Instant;

/**
 * A counter every publish, public update and cancel raises; public feeds derive ETag and Last-Modified from it so
 * that a conditional request costs one small read.
 */
public record SiteVersion(long value, Instant updatedAt) {
    public static final SiteVersion INITIAL = new SiteVersion(0, Instant.EPOCH);

    public String etag() {
        return "\"site-" + value + "\"";
    }
}
