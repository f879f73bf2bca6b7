package io.handbill.render;

import io.handbill.model.Event;

import java.util.List;

/** The listing's package-private pieces, for the benchmark to time them. */
public final class ListingEntries {
    private ListingEntries() {
    }

    public static List<Event> of(List<Event> events) {
        return PublicListing.sorted(events.stream().map(PublicListing::entry).toList());
    }

    public static byte[] encoded(List<Event> entries) {
        return PublicListing.encode(entries);
    }
}
