package io.handbill.local;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Ids, slugs and current ETags of the events the fuzzer has seen in responses, so requests can name real ones. */
final class KnownEvents {
    private static final int MAX = 200;

    private final List<String> ids = new ArrayList<>();
    private final List<String> slugs = new ArrayList<>();
    private final Map<String, String> etags = new HashMap<>();

    boolean isEmpty() {
        return ids.isEmpty();
    }

    String anyId(Random random) {
        return ids.get(random.nextInt(ids.size()));
    }

    String anySlug(Random random) {
        return slugs.get(random.nextInt(slugs.size()));
    }

    String etag(String id) {
        return etags.get(id);
    }

    int size() {
        return ids.size();
    }

    /** Learns from a 2xx answer of the event API: a single event, or a page of them. */
    void learn(int status, String etag, JsonNode body) {
        if (body == null || status < 200 || status > 299) {
            return;
        }
        if (body.has("items") && body.get("items").isArray()) {
            body.get("items").forEach(item -> remember(item, null));
        } else {
            remember(body, etag);
        }
    }

    private void remember(JsonNode event, String etag) {
        JsonNode id = event.get("id");
        JsonNode slug = event.get("slug");
        JsonNode version = event.get("version");
        if (id == null || !id.isTextual() || slug == null || !slug.isTextual()) {
            return;
        }
        if (!etags.containsKey(id.asText()) && ids.size() < MAX) {
            ids.add(id.asText());
            slugs.add(slug.asText());
        }
        if (etag != null) {
            etags.put(id.asText(), etag);
        } else if (version != null && version.canConvertToLong()) {
            etags.put(id.asText(), "\"" + version.asLong() + "\"");
        }
    }
}
