package io.handbill.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where an imported event came from, and what the import last wrote into it: importing again finds the event by
 * {@code sourceUid}, and a field whose value no longer matches its fingerprint was edited in Handbill since, so the
 * import keeps it.
 *
 * @param sourceUid    the source's own id: an iCalendar UID ({@code UID#yyyyMMddTHHmmssZ} for one occurrence of a
 *                     recurring event), or {@code hugo:<slug>} for a Hugo post
 * @param fingerprints for each of {@link #FIELDS}, a hash of the value the import last wrote; sorted by field name
 */
public record ImportRecord(String sourceUid, Map<String, String> fingerprints) {
    /** The editable parts of an event an import writes and tracks; {@code when} is start, end and time zone. */
    public static final List<String> FIELDS = List.of("title", "summary", "description", "when", "venue", "agenda",
            "talks", "speakers", "sponsors", "tickets", "codeOfConductUrl", "tags");

    public ImportRecord {
        SortedMap<String, String> sorted = new TreeMap<>();
        if (fingerprints != null) {
            fingerprints.forEach((field, hash) -> {
                if (field != null) {
                    sorted.put(field, hash);
                }
            });
        }
        fingerprints = Collections.unmodifiableSortedMap(sorted);
    }
}
