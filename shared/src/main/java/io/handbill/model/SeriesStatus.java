package io.handbill.model;

/** ACTIVE series make new occurrences; an ENDED one keeps its page and published occurrences, and makes no more. */
public enum SeriesStatus {
    ACTIVE, ENDED
}
