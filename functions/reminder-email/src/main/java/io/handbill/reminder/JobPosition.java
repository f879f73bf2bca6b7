package io.handbill.reminder;

/**
 * How far a job got. Its saved cursor never passes a subscriber whose claim was held by another (or a dead) run, so
 * that one is retried even if this run stops later for time or dies.
 */
final class JobPosition {
    private MailJob at;
    private boolean held;
    private String retryFrom;

    JobPosition(MailJob job) {
        this.at = job;
    }

    void handled(String key, LedgerGuardedSend.Delivery delivery) {
        if (delivery == LedgerGuardedSend.Delivery.HELD_ELSEWHERE && !held) {
            held = true;
            retryFrom = at.cursor();
        }
        at = at.at(key);
    }

    boolean held() {
        return held;
    }

    MailJob resumable() {
        return held ? at.at(retryFrom) : at;
    }
}
