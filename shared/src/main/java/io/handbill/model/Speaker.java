package io.handbill.model;

/**
 * A person who speaks at the event.
 *
 * @param id short key unique within the event (e.g. {@code bryan-boreham}), referenced by talks
 * @param url personal or professional page, http(s) only
 */
public record Speaker(String id, String name, String role, String organisation, String bio, String url) {
}
