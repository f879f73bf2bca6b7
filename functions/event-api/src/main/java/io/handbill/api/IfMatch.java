package io.handbill.api;

import io.handbill.model.Event;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code If-Match} precondition (RFC 9110 §13.1.1): the request applies only while the event still has one of
 * the listed entity tags. Comparison is strong, so weak tags ({@code W/"3"}) never match.
 */
record IfMatch(Set<String> etags) {
    /** No precondition (header absent, or {@code *}: the event exists, which a missing one fails anyway). */
    static final IfMatch NONE = new IfMatch(Set.of());

    static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return NONE;
        }
        return new IfMatch(Arrays.stream(header.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean isConditional() {
        return !etags.isEmpty();
    }

    /** For things other than events whose entity tag is their quoted version, such as a series. */
    boolean matchesVersion(long version) {
        return !isConditional() || etags.contains("\"" + version + "\"");
    }

    boolean matches(Event current) {
        return !isConditional() || etags.contains(current.etag());
    }
}
