package io.handbill.imports;

import io.handbill.json.Json;
import io.handbill.model.EventDraft;
import io.handbill.model.ImportRecord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of each field an import tracks ({@link ImportRecord#FIELDS}), and a short hash of it: a hash rather than
 * the value itself keeps the record a few hundred bytes however long the description is.
 */
final class Fingerprints {
    private static final int HASH_BYTES = 12;

    private Fingerprints() {
    }

    static Map<String, Object> values(EventDraft d) {
        var values = new LinkedHashMap<String, Object>();
        values.put("title", d.title());
        values.put("summary", d.summary());
        values.put("description", d.description());
        values.put("when", Arrays.asList(d.start(), d.end(), d.timeZone()));
        values.put("venue", d.venue());
        values.put("agenda", d.agenda());
        values.put("talks", d.talks());
        values.put("speakers", d.speakers());
        values.put("sponsors", d.sponsors());
        values.put("tickets", d.tickets());
        values.put("codeOfConductUrl", d.codeOfConductUrl());
        values.put("tags", d.tags());
        return values;
    }

    static Map<String, String> of(EventDraft d) {
        var hashes = new LinkedHashMap<String, String>();
        values(d).forEach((field, value) -> hashes.put(field, hash(value)));
        return hashes;
    }

    static String hash(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(value).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, HASH_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.stream().allMatch(v -> v == null);
    }
}
