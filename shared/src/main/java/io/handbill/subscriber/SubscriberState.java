package io.handbill.subscriber;

/** Where a subscriber is in double opt-in: only CONFIRMED subscribers are mailed reminders. */
public enum SubscriberState {
    PENDING, CONFIRMED, UNSUBSCRIBED
}
