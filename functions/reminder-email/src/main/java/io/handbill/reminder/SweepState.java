package io.handbill.reminder;

import java.time.Instant;

/**
 * What the last sweep did, kept in the ledger ({@code SWEEP/REMINDERS}, the outcome stored by its name).
 *
 * @param discoveredUpTo reminder windows due at or before this instant have been turned into mail jobs
 * @param finishedAt     {@code null} while the run that wrote it is still sending (outcome {@link Outcome#DISCOVERED})
 */
public record SweepState(Instant discoveredUpTo, Instant startedAt, Instant finishedAt, Outcome outcome,
                         int sent, int rejected, int openJobs) {

    public enum Outcome {
        /**
         * Written after discovery, before any send: the due mail jobs are open. Left as the last state only by a run
         * that died while sending; the next run works the open jobs, so nothing is lost.
         */
        DISCOVERED,
        /** Every open job was worked through; a job with a claim still held elsewhere stays open for a later tick. */
        COMPLETE,
        /** Time ran short: the next tick resumes each job from its saved cursor. */
        OUT_OF_TIME,
        /** SES kept throttling after its back-off: the unsent mail stays claimable and the next tick sends it. */
        THROTTLED
    }
}
