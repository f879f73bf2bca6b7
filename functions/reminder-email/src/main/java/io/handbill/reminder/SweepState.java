package io.handbill.reminder;

import java.time.Instant;

/**
 * What the last sweep did.
 *
 * @param discoveredUpTo reminder windows due at or before this instant have been turned into mail jobs
 * @param outcome        COMPLETE, OUT_OF_TIME (resumes next tick) or THROTTLED
 */
public record SweepState(Instant discoveredUpTo, Instant startedAt, Instant finishedAt, String outcome,
                         int sent, int rejected, int openJobs) {
}
