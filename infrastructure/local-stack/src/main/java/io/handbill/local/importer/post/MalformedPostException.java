package io.handbill.local.importer.post;

import java.nio.file.Path;

/** A content file that cannot be read as a Hugo post; names the file and the line at fault. */
public final class MalformedPostException extends Exception {
    private final Path file;
    private final int line;

    MalformedPostException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
