package io.handbill.local.importer.post;

import java.util.List;

/**
 * The Hugo front matter fields the importer reads; every other key (layout, images, weight…) is ignored.
 *
 * @param date    the post's publish date as written (TOML and YAML dates arrive as text), not the event's date
 * @param draft   {@code true} keeps the imported event a draft; otherwise it is published
 * @param url     a Hugo permalink override, which is an old link too
 */
public record FrontMatter(String title, String date, Boolean draft, String description, String slug, String url,
                   List<String> tags, List<String> categories, List<String> aliases) {
    public FrontMatter {
        tags = tags == null ? List.of() : List.copyOf(tags);
        categories = categories == null ? List.of() : List.copyOf(categories);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public boolean isDraft() {
        return Boolean.TRUE.equals(draft);
    }
}
