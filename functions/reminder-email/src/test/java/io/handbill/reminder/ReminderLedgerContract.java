package io.handbill.reminder;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sweep relies on from a {@link ReminderLedger}: held by the DynamoDB ledger (against dynalite) and by the
 * in-memory one the sweep's unit tests use, so those tests prove something about the real thing.
 */
abstract class ReminderLedgerContract {
    static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");
    static final Instant EXPIRES = T0.plus(Duration.ofDays(40));
    private final MailJob job = MailJob.reminder("e1", Duration.ofDays(7), T0);

    abstract ReminderLedger ledger();

    @Test
    void claim_isWonOnce_laterClaimsSeeTheEntry() {
        assertThat(ledger().claim(job, "ann", "m1", T0, EXPIRES)).isEmpty();

        assertThat(ledger().claim(job, "ann", "m1", T0.plusSeconds(1), EXPIRES)).get().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(LedgerEntry.Status.CLAIMED);
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.claimedAt()).isEqualTo(T0);
            assertThat(entry.settled()).isFalse();
            assertThat(entry.mailing()).isEqualTo("m1");
        });
        assertThat(ledger().claim(job, "bob", "m1", T0, EXPIRES)).isEmpty();
        assertThat(ledger().claim(MailJob.reminder("e1", Duration.ofHours(24), T0), "ann", "m1", T0, EXPIRES))
                .isEmpty();
    }

    @Test
    void reclaim_ofAVanishedSendersClaim_isWonByOneCallerOnly() {
        ledger().claim(job, "ann", "m1", T0, EXPIRES);
        LedgerEntry seen = ledger().entry(job, "ann").orElseThrow();
        Instant later = T0.plus(LedgerGuardedSend.CLAIM_LEASE);

        assertThat(ledger().reclaim(job, seen, later)).isTrue();
        assertThat(ledger().reclaim(job, seen, later)).isFalse();

        LedgerEntry now = ledger().entry(job, "ann").orElseThrow();
        assertThat(now.attempts()).isEqualTo(2);
        assertThat(now.claimedAt()).isEqualTo(later);
        assertThat(now.mailing()).as("a taken-over claim still belongs to its mail").isEqualTo("m1");
        assertThat(ledger().reclaim(job, now, later.plusSeconds(1))).isTrue();
    }

    @Test
    void settledEntries_areNeitherReclaimedNorReleased() {
        ledger().claim(job, "ann", "m1", T0, EXPIRES);
        LedgerEntry claimed = ledger().entry(job, "ann").orElseThrow();
        ledger().markSent(job, "ann", "msg-1", T0.plusSeconds(1));

        assertThat(ledger().reclaim(job, claimed, T0.plus(LedgerGuardedSend.CLAIM_LEASE))).isFalse();
        ledger().release(job, "ann");

        assertThat(ledger().claim(job, "ann", "m1", T0.plusSeconds(2), EXPIRES)).get().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(LedgerEntry.Status.SENT);
            assertThat(entry.detail()).isEqualTo("msg-1");
            assertThat(entry.settled()).isTrue();
        });
    }

    @Test
    void rejectedAndFailed_keepTheirReason() {
        ledger().claim(job, "ann", "m1", T0, EXPIRES);
        ledger().claim(job, "bob", "m1", T0, EXPIRES);
        ledger().markRejected(job, "ann", "MailFromDomainNotVerified", T0);
        ledger().markFailed(job, "bob", T0);

        assertThat(ledger().entry(job, "ann")).get().extracting(LedgerEntry::status, LedgerEntry::detail)
                .containsExactly(LedgerEntry.Status.REJECTED, "MailFromDomainNotVerified");
        assertThat(ledger().entry(job, "bob")).get().extracting(LedgerEntry::status)
                .isEqualTo(LedgerEntry.Status.FAILED);
    }

    @Test
    void release_dropsAClaim_soTheNextClaimWinsAgain() {
        ledger().claim(job, "ann", "m1", T0, EXPIRES);
        ledger().release(job, "ann");

        assertThat(ledger().entry(job, "ann")).isEmpty();
        assertThat(ledger().claim(job, "ann", "m1", T0.plusSeconds(1), EXPIRES)).isEmpty();
    }

    @Test
    void openJob_keepsTheOpenOnesProgress_andAClosedJobStaysClosed() {
        ledger().openJob(job);
        ledger().saveCursor(job.at("bob"));
        ledger().openJob(job);
        MailJob later = MailJob.announcement("e0", T0.plusSeconds(60));
        ledger().openJob(later);

        assertThat(ledger().openJobs()).containsExactly(job.at("bob"), later);

        ledger().closeJob(job);
        ledger().saveCursor(job.at("cat"));
        assertThat(ledger().openJobs()).containsExactly(later);
    }

    @Test
    void sweepStateAndAnnouncements_readBackAsWritten() {
        var state = new SweepState(T0, T0, null, SweepState.Outcome.DISCOVERED, 0, 0, 0);
        ledger().saveSweepState(state);
        assertThat(ledger().sweepState()).contains(state);
        var done = new SweepState(T0, T0, T0.plusSeconds(5), SweepState.Outcome.OUT_OF_TIME, 3, 1, 2);
        ledger().saveSweepState(done);
        assertThat(ledger().sweepState()).contains(done);

        assertThat(ledger().announcement("e1")).isEmpty();
    }
}
