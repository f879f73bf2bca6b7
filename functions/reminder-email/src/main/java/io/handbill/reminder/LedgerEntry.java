package io.handbill.reminder;

import java.time.Instant;

/**
 * The sent-ledger's record of one mailing to one subscriber. It is written (CLAIMED) before the send and settled
 * after: SENT with SES's message id, REJECTED when SES refused for good, FAILED after too many interrupted attempts.
 *
 * @param mailing the {@link Mailing#id()} of the mail that claimed it: entries sharing one went out in one mail
 */
public record LedgerEntry(String subscriberKey, Status status, int attempts, Instant claimedAt, String detail,
                          String mailing) {
    public enum Status { CLAIMED, SENT, REJECTED, FAILED }

    public boolean settled() {
        return status != Status.CLAIMED;
    }
}
