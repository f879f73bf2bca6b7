package io.handbill.local.importer.post;

import java.nio.file.Path;

/** A well-formed post that announces no event (an "about" page, a news item): skipped, not an error. */
public final class NotAnEventException extends Exception {
    NotAnEventException(Path file, String reason) {
        super(file + ": " + reason);
    }
}
