package io.handbill.subscribe;

import io.handbill.rsvp.Attendee;
import io.handbill.rsvp.RsvpStore;
import io.handbill.store.Page;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The real store, made to "crash" (throw) at the n-th write, either before the write reaches DynamoDB or just after
 * it did (the answer is lost): every place a Lambda can die between two single-item writes.
 */
final class CrashingRsvpStore implements RsvpStore {
    static final class Crash extends RuntimeException {
        Crash() {
            super("injected crash", null, false, false);
        }
    }

    private final RsvpStore real;
    private final AtomicInteger writes = new AtomicInteger();
    private volatile int crashAt = -1;
    private volatile boolean afterWrite;
    private volatile boolean crashed;

    CrashingRsvpStore(RsvpStore real) {
        this.real = real;
    }

    /** Crash at the {@code n}-th write from now (1-based); {@code after}: once the write has happened. */
    void crashAt(int n, boolean after) {
        writes.set(0);
        crashAt = n;
        afterWrite = after;
        crashed = false;
    }

    void disarm() {
        crashAt = -1;
    }

    boolean crashed() {
        return crashed;
    }

    /** {@code real}, with each send counted as one more step that can crash before or after SES took the mail. */
    io.handbill.mail.MailSender sender(io.handbill.mail.MailSender real) {
        return (to, raw) -> write(() -> real.send(to, raw));
    }

    private <T> T write(Supplier<T> call) {
        int n = writes.incrementAndGet();
        if (n == crashAt && !afterWrite) {
            crashed = true;
            throw new Crash();
        }
        T result = call.get();
        if (n == crashAt) {
            crashed = true;
            throw new Crash();
        }
        return result;
    }

    private void write(Runnable call) {
        write(() -> {
            call.run();
            return null;
        });
    }

    @Override
    public Optional<Attendee> get(String eventId, String attendeeId) {
        return real.get(eventId, attendeeId);
    }

    @Override
    public boolean create(Attendee attendee, Instant expiresAt) {
        return write(() -> real.create(attendee, expiresAt));
    }

    @Override
    public boolean update(Attendee next) {
        return write(() -> real.update(next));
    }

    @Override
    public Page<Attendee> list(String eventId, String cursor, int limit) {
        return real.list(eventId, cursor, limit);
    }

    @Override
    public long nextSequence(String eventId) {
        return write(() -> real.nextSequence(eventId));
    }

    @Override
    public Claim claimPlace(String eventId, String attendeeId, int capacity, long sequence) {
        return write(() -> real.claimPlace(eventId, attendeeId, capacity, sequence));
    }

    @Override
    public void closeClaim(String eventId, String attendeeId) {
        write(() -> real.closeClaim(eventId, attendeeId));
    }

    @Override
    public boolean releasePlace(String eventId, String attendeeId, long sequence) {
        return write(() -> real.releasePlace(eventId, attendeeId, sequence));
    }

    @Override
    public void closeRelease(String eventId, String attendeeId) {
        write(() -> real.closeRelease(eventId, attendeeId));
    }

    @Override
    public int going(String eventId) {
        return real.going(eventId);
    }

    @Override
    public MailClaim claimMail(String eventId, String mailKey, Instant now, Duration lease, Instant expiresAt) {
        return write(() -> real.claimMail(eventId, mailKey, now, lease, expiresAt));
    }

    @Override
    public void markMailSent(String eventId, String mailKey, String messageId, Instant now) {
        write(() -> real.markMailSent(eventId, mailKey, messageId, now));
    }
}
