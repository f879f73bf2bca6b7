package io.handbill.store;

import java.util.Optional;

/**
 * The event items' keys in the single table ({@link HandbillTable}): {@code EVENT#<id>/EVENT} for the event,
 * {@code SLUG#<slug>/SLUG} for its slug claim, {@code ALIAS#<bucket key>/ALIAS} for an alias claim,
 * {@code SITE/VERSION} for the site version. Written by {@link DynamoDbEventStore}; readers of the table's stream ask
 * here which event or alias a changed item is.
 */
public final class EventKeys {
    static final String EVENT_PREFIX = "EVENT#";
    static final String EVENT_SK = "EVENT";
    static final String SLUG_PREFIX = "SLUG#";
    static final String SLUG_SK = "SLUG";
    static final String ALIAS_PREFIX = "ALIAS#";
    static final String ALIAS_SK = "ALIAS";
    static final String SITE_PK = "SITE";
    static final String VERSION_SK = "VERSION";

    private EventKeys() {
    }

    /** The partition key of event {@code id}'s item (template.yaml's stream filter matches on its prefix). */
    public static String eventPk(String id) {
        return EVENT_PREFIX + id;
    }

    static String slugPk(String slug) {
        return SLUG_PREFIX + slug;
    }

    /** The partition key of the claim on an alias's bucket key (template.yaml's stream filter matches its prefix). */
    public static String aliasPk(String key) {
        return ALIAS_PREFIX + key;
    }

    /** The bucket key of the alias whose claim has these keys; empty for any other item. */
    public static Optional<String> aliasKey(String pk, String sk) {
        return pk != null && pk.startsWith(ALIAS_PREFIX) && ALIAS_SK.equals(sk)
                ? Optional.of(pk.substring(ALIAS_PREFIX.length())) : Optional.empty();
    }

    /** The id of the event whose item has these keys; empty for any other item (slugs, subscribers, ...). */
    public static Optional<String> eventId(String pk, String sk) {
        return pk != null && pk.startsWith(EVENT_PREFIX) && EVENT_SK.equals(sk)
                ? Optional.of(pk.substring(EVENT_PREFIX.length())) : Optional.empty();
    }
}
