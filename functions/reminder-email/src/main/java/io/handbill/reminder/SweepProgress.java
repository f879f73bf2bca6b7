package io.handbill.reminder;

/** What one sweep did so far: mails sent, mails SES refused, recipients who were owed nothing more. */
final class SweepProgress {
    private int sent;
    private int rejected;
    private int skipped;

    void count(LedgerGuardedSend.Outcome outcome) {
        sent += outcome.sent();
        rejected += outcome.rejected();
        if (outcome.sent() + outcome.rejected() == 0) {
            skipped++;
        }
    }

    int sent() {
        return sent;
    }

    int rejected() {
        return rejected;
    }

    int skipped() {
        return skipped;
    }
}
