package io.handbill.local.importer.post;

import io.handbill.model.EventDraft;

import java.nio.file.Path;
import java.util.List;

/**
 * What a post becomes: the event draft, whether it should be public, and every warning about what did not fit.
 *
 * @param publish the post was live (front matter {@code draft} not true), so the event is published too
 */
public record ParsedPost(Path file, EventDraft draft, boolean publish, List<ImportWarning> warnings) {
    public ParsedPost {
        warnings = List.copyOf(warnings);
    }
}
