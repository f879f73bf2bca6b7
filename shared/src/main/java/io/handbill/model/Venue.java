package io.handbill.model;

import java.util.List;

/**
 * Where the event happens.
 *
 * @param latitude  WGS84 degrees, or {@code null} when unknown
 * @param longitude WGS84 degrees, or {@code null} when unknown
 * @param accessNotes step-free access, entrance, parking: free text
 */
public record Venue(String name, List<String> addressLines, String city, String postcode, String country,
                    String url, Double latitude, Double longitude, String accessNotes) {
    public Venue {
        addressLines = Lists.copy(addressLines);
    }

    /** Only the name and city: what a listing of events shows. */
    public Venue nameAndCity() {
        return new Venue(name, List.of(), city, null, null, null, null, null, null);
    }

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
