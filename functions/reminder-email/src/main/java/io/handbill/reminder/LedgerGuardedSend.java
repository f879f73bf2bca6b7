package io.handbill.reminder;

import io.handbill.mail.MailRejectedException;
import io.handbill.mail.MailSender;
import io.handbill.mail.MailThrottledException;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends one recipient what they are still owed of some mail jobs, guarded by the sent-ledger: claim every entry
 * (one conditional put each) → send one mail per {@link Mailing} → record the outcome on each entry it covers.
 *
 * <p>A crash after the claims leaves CLAIMED entries that are taken over only once their lease has run out, so two
 * live runs never send the same mail; entries taken over keep the mailing that claimed them and go out again as that
 * same mail (a crash between the send and its record costs one repeated SES call with the same Message-ID, never a
 * second mail with other contents). A throttled send releases its claims: SES certainly did not take it.
 */
record LedgerGuardedSend(ReminderLedger ledger, MailSender sender, SubscriberStore subscribers, Clock clock) {
    /** Longer than any run may last (Lambda's maximum timeout), so a CLAIMED entry this old has no live sender. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(15);
    static final int MAX_ATTEMPTS = 3;
    /** Ledger entries outlive their event by this much, then DynamoDB TTL removes them. */
    static final Duration LEDGER_RETENTION = Duration.ofDays(30);

    enum Delivery { SENT, REJECTED, SKIPPED, HELD_ELSEWHERE }

    /** What became of each job for this recipient, and how many mails went out or were refused. */
    record Outcome(Map<MailJob, Delivery> byJob, int sent, int rejected) {
        Delivery of(MailJob job) {
            return byJob.get(job);
        }
    }

    /**
     * @param jobs      what the recipient may be owed, claimed in this order
     * @param withFirst the jobs after the first ride along with it: they are claimed only if the first was (the
     *                  announcement a reminder stands for), otherwise each is claimed on its own (a digest)
     * @param startsAt  each job's event start, which sets how long its entry is kept
     * @param compose   writes the mail of one mailing to the recipient
     * @throws MailThrottledException when SES kept throttling: every claim of this call not yet sent is released
     */
    Outcome deliver(List<MailJob> jobs, boolean withFirst, Subscriber recipient, Function<MailJob, Instant> startsAt,
                    BiFunction<Mailing, Subscriber, byte[]> compose) {
        Instant now = clock.instant();
        String mailing = Mailing.idFor(jobs, now);
        var byJob = new LinkedHashMap<MailJob, Delivery>();
        var claimed = new LinkedHashMap<String, List<MailJob>>();
        for (MailJob job : jobs) {
            if (withFirst && job != jobs.get(0) && claimed.isEmpty()) {
                byJob.put(job, Delivery.SKIPPED);
                continue;
            }
            String owner = claim(job, recipient.key(), mailing, now, startsAt.apply(job).plus(LEDGER_RETENTION),
                    byJob);
            if (owner != null) {
                claimed.computeIfAbsent(owner, o -> new ArrayList<>()).add(job);
            }
        }
        List<Mailing> mailings = claimed.entrySet().stream().map(e -> new Mailing(e.getKey(), e.getValue())).toList();
        int sent = 0;
        int rejected = 0;
        for (int i = 0; i < mailings.size(); i++) {
            Mailing m = mailings.get(i);
            Delivery delivery;
            try {
                delivery = send(m, recipient, compose);
            } catch (MailThrottledException e) {
                mailings.subList(i, mailings.size()).forEach(unsent -> unsent.jobs()
                        .forEach(job -> ledger.release(job, recipient.key())));
                throw e;
            }
            m.jobs().forEach(job -> byJob.put(job, delivery));
            if (delivery == Delivery.SENT) {
                sent++;
            } else {
                rejected++;
            }
        }
        return new Outcome(byJob, sent, rejected);
    }

    /** @return the mailing the entry now belongs to when this call holds it, or {@code null} (with why in byJob) */
    private String claim(MailJob job, String key, String mailing, Instant now, Instant expiresAt,
                         Map<MailJob, Delivery> byJob) {
        var existing = ledger.claim(job, key, mailing, now, expiresAt);
        if (existing.isEmpty()) {
            return mailing;
        }
        LedgerEntry entry = existing.get();
        if (entry.settled()) {
            byJob.put(job, Delivery.SKIPPED);
            return null;
        }
        if (entry.claimedAt().plus(CLAIM_LEASE).isAfter(now)) {
            byJob.put(job, Delivery.HELD_ELSEWHERE);
            return null;
        }
        if (entry.attempts() >= MAX_ATTEMPTS) {
            ledger.markFailed(job, key, now);
            byJob.put(job, Delivery.SKIPPED);
            return null;
        }
        if (!ledger.reclaim(job, entry, now)) {
            byJob.put(job, Delivery.HELD_ELSEWHERE);
            return null;
        }
        return entry.mailing();
    }

    private Delivery send(Mailing mailing, Subscriber recipient, BiFunction<Mailing, Subscriber, byte[]> compose) {
        byte[] message = compose.apply(mailing, recipient);
        String messageId;
        try {
            messageId = sender.send(recipient.email(), message);
        } catch (MailRejectedException e) {
            Instant now = clock.instant();
            mailing.jobs().forEach(job -> ledger.markRejected(job, recipient.key(), e.reason(), now));
            subscribers.update(recipient.rejected(e.reason(), now));
            return Delivery.REJECTED;
        }
        Instant now = clock.instant();
        mailing.jobs().forEach(job -> ledger.markSent(job, recipient.key(), messageId, now));
        return Delivery.SENT;
    }
}
