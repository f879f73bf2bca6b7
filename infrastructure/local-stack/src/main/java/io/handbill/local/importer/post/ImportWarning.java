package io.handbill.local.importer.post;

/**
 * Something in a post the importer could not turn into event fields, and where it went instead.
 *
 * @param line the file's line (1-based) it came from
 */
public record ImportWarning(int line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
