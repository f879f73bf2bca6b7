package io.handbill.store;

/** Another event already uses this slug. */
public class SlugTakenException extends RuntimeException {
    private final String slug;

    public SlugTakenException(String slug) {
        super("Slug " + slug + " is taken");
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }
}
