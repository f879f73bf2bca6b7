package io.handbill.local.importer.post;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One content file split into its parts.
 *
 * @param bodyLine  the file's line number (1-based) on which the body starts, so warnings can point into the file
 * @param published the front matter date, or {@code null} when the post has none
 * @param slug      the page's stable key: the front matter slug, else the file (or page bundle) name
 */
public record HugoPost(Path file, FrontMatter frontMatter, LocalDate published, String slug, String body, int bodyLine,
                BodyFormat format) {

    public enum BodyFormat { MARKDOWN, HTML }
}
