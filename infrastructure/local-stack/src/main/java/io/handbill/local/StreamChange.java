package io.handbill.local;

/** One write to the table, as a KEYS_ONLY stream record tells it: what kind of change, and the item's key. */
record StreamChange(Kind kind, String pk, String sk) {
    enum Kind { INSERT, MODIFY, REMOVE }
}
