package io.handbill.reminder;

class InMemoryReminderLedgerTest extends ReminderLedgerContract {
    private final InMemoryReminderLedger ledger = new InMemoryReminderLedger();

    @Override
    ReminderLedger ledger() {
        return ledger;
    }
}
