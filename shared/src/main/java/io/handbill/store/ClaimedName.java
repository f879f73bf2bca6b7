package io.handbill.store;

import io.handbill.model.Aliases;
import io.handbill.model.Event;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A name at most one event may hold, with the item that records which ({@link EventKeys}): a slug or the bucket
 * key of an alias.
 */
record ClaimedName(Kind kind, String value) {
    enum Kind {
        SLUG(EventKeys.SLUG_PREFIX, EventKeys.SLUG_SK), ALIAS(EventKeys.ALIAS_PREFIX, EventKeys.ALIAS_SK);

        final String prefix;
        final String sk;

        Kind(String prefix, String sk) {
            this.prefix = prefix;
            this.sk = sk;
        }
    }

    static ClaimedName slug(String slug) {
        return new ClaimedName(Kind.SLUG, slug);
    }

    static ClaimedName alias(String key) {
        return new ClaimedName(Kind.ALIAS, key);
    }

    /** The slug first, then the aliases in the event's order. */
    static Set<ClaimedName> of(Event event) {
        Set<ClaimedName> names = new LinkedHashSet<>();
        names.add(slug(event.slug()));
        Aliases.keys(event).forEach(key -> names.add(alias(key)));
        return names;
    }

    String pk() {
        return kind.prefix + value;
    }

    boolean isHeldBy(Event event) {
        return kind == Kind.SLUG ? event.slug().equals(value) : Aliases.keys(event).contains(value);
    }
}
