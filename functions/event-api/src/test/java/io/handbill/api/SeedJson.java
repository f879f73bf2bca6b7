package io.handbill.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.model.EventDraft;

import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** The seed event's JSON with one change, for tests of a single bad (or odd) field. */
final class SeedJson {
    private SeedJson() {
    }

    static String with(Consumer<ObjectNode> change) {
        try {
            ObjectNode seed = (ObjectNode) Json.MAPPER.readTree(Fixtures.seedJson());
            change.accept(seed);
            return Json.MAPPER.writeValueAsString(seed);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EventDraft draft(Consumer<ObjectNode> change) {
        try {
            return Json.read(with(change), EventDraft.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
