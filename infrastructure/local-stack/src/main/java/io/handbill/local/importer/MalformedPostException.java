package io.handbill.local.importer;

import java.nio.file.Path;

/** A content file that cannot be read as a Hugo post; names the file and the line at fault. */
final class MalformedPostException extends Exception {
    private final Path file;
    private final int line;

    MalformedPostException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    Path file() {
        return file;
    }

    int line() {
        return line;
    }
}
