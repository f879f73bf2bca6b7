package io.handbill.model;

/** What an agenda slot is, so pages and feeds can style and describe it. */
public enum AgendaKind {
    DOORS, TALK, BREAK, SOCIAL, OTHER
}
