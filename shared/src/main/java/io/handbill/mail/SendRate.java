package io.handbill.mail;

/**
 * Paces sends to at most {@code perSecond} (the SES account's maximum send rate) by sleeping until the next slot.
 * Not shared between threads: one sweep sends sequentially.
 */
public final class SendRate {
    private final long intervalNanos;
    private long nextSlot = Long.MIN_VALUE;

    public SendRate(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("SEND_RATE_PER_SECOND must be positive");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    public void acquire() {
        long now = System.nanoTime();
        if (nextSlot == Long.MIN_VALUE || now - nextSlot >= 0) {
            nextSlot = now + intervalNanos;
            return;
        }
        long wait = nextSlot - now;
        nextSlot += intervalNanos;
        try {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pacing sends", e);
        }
    }
}
