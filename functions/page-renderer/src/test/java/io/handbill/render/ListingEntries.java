package io.handbill.render;

import io.handbill.model.Event;

import java.util.List;

/** The listing's package-private pieces, for the benchmark to time them. */
public final class ListingEntries {
    private ListingEntries() {
    }

    public static List<Event> of(List<Event> events) {
        return PublicListing.sorted(events.stream().map(Event::listingEntry).toList());
    }

    /** What a commit encodes, run again and again: the JSON of {@code entries} is kept from the first time. */
    public static Runnable encoding(List<Event> entries) {
        PublicListing listing = new PublicListing(null, "bench");
        listing.encode(entries);
        return () -> listing.encode(entries);
    }
}
