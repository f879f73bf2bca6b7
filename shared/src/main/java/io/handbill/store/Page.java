package io.handbill.store;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextCursor opaque cursor for the following page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
