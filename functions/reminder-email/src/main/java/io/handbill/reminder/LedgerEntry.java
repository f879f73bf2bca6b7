package io.handbill.reminder;

import java.time.Instant;

/**
 * The sent-ledger's record of one mailing to one subscriber. It is written (CLAIMED) before the send and settled
 * after: SENT with SES's message id, REJECTED when SES refused for good, FAILED after too many interrupted attempts.
 */
public record LedgerEntry(String subscriberKey, Status status, int attempts, Instant claimedAt, String detail) {
    public enum Status { CLAIMED, SENT, REJECTED, FAILED }

    public boolean settled() {
        return status != Status.CLAIMED;
    }
}
