package io.handbill.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * JSON bodies from a real request (a template such as the seed event) with random mutations of its tree — wrong
 * types, nulls, hostile strings, invalid dates and zones, numbers out of range, removed, unknown and deeply nested
 * fields — and then of its bytes — invalid UTF-8, NUL, duplicate keys, truncation, trailing data. Each mutation
 * is named in {@code applied}, so that a failure says what was sent.
 */
final class JsonBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELD_NAMES = List.of("title", "slug", "start", "end", "timeZone", "email",
            "reason", "name", "kind", "talkId", "url", "price", "currency", "free", "latitude", "longitude", "id",
            "aliases", "tags", "agenda", "venue", "speakerIds", "abstract", "count", "guests", "seriesId", "until",
            "rule", "interval", "weekday", "__proto__", "constructor", "", "\u0000", "tïtle", "TITLE");

    private JsonBodies() {
    }

    /** A mutated copy of {@code template}; zero mutations leave a valid request when the template is one. */
    static byte[] mutate(Random random, JsonNode template, List<String> applied) {
        JsonNode tree = template.deepCopy();
        int treeMutations = random.nextInt(4);
        for (int i = 0; i < treeMutations; i++) {
            tree = mutateTree(random, tree, applied);
        }
        byte[] bytes = write(tree);
        return random.nextInt(5) == 0 ? mutateBytes(random, bytes, applied) : bytes;
    }

    /** An object of fields drawn from every known request's names, for routes whose body shape is not known. */
    static JsonNode anyObject(Random random) {
        ObjectNode object = NODES.objectNode();
        int fields = random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            object.set(HostileText.pick(random, FIELD_NAMES), anyValue(random, 2));
        }
        return object;
    }

    private static JsonNode mutateTree(Random random, JsonNode tree, List<String> applied) {
        List<Slot> slots = new ArrayList<>();
        collect(tree, "", slots);
        if (slots.isEmpty() || random.nextInt(12) == 0) {
            applied.add("whole body replaced");
            return anyValue(random, 3);
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        JsonNode replacement = switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> anyValue(random, 2);
            case 2 -> NODES.textNode(HostileText.any(random));
            case 3 -> NODES.textNode(HostileText.pick(random, HostileText.DATE_TIMES));
            case 4 -> NODES.textNode(HostileText.pick(random, HostileText.ZONES));
            case 5 -> outOfRangeNumber(random);
            case 6 -> deep(30);
            case 7 -> null; // remove
            case 8 -> NODES.arrayNode().add(slot.value()).add(slot.value());
            default -> shifted(slot.value(), random);
        };
        applied.add(slot.path() + (replacement == null ? " removed" : " = " + describe(replacement)));
        slot.replace().accept(replacement);
        if (random.nextInt(6) == 0 && tree instanceof ObjectNode object) {
            String name = HostileText.pick(random, FIELD_NAMES) + (random.nextBoolean() ? "" : "X");
            object.set(name, anyValue(random, 1));
            applied.add("field " + describe(NODES.textNode(name)) + " added");
        }
        return tree;
    }

    /** A value of the same kind moved slightly out of the usual: a date by a DST gap, a number past a bound. */
    private static JsonNode shifted(JsonNode value, Random random) {
        if (value.isTextual() && value.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            return NODES.textNode(HostileText.pick(random, HostileText.DATE_TIMES));
        }
        if (value.isNumber()) {
            return outOfRangeNumber(random);
        }
        if (value.isBoolean()) {
            return NODES.textNode(value.asText());
        }
        if (value.isArray()) {
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 1 + random.nextInt(300); i++) {
                many.add(value.isEmpty() ? NODES.textNode("x") : value.get(0));
            }
            return many;
        }
        return NODES.textNode(value.asText() + HostileText.any(random));
    }

    private static JsonNode outOfRangeNumber(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.numberNode(new BigDecimal("1e400"));
            case 1 -> NODES.numberNode(new BigDecimal("-1e-400"));
            case 2 -> NODES.numberNode(new BigDecimal("123456789012345678901234567890"));
            case 3 -> NODES.numberNode(-1);
            case 4 -> NODES.numberNode(Long.MAX_VALUE);
            case 5 -> NODES.numberNode(91.0);
            case 6 -> NODES.numberNode(1e308);
            default -> NODES.numberNode(0.1 + random.nextInt(1000));
        };
    }

    private static JsonNode anyValue(Random random, int depth) {
        int kinds = depth <= 0 ? 5 : 7;
        return switch (random.nextInt(kinds)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> outOfRangeNumber(random);
            case 3, 4 -> NODES.textNode(HostileText.any(random));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(anyValue(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(HostileText.pick(random, FIELD_NAMES), anyValue(random, depth - 1));
                }
                yield object;
            }
        };
    }

    private static JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private static byte[] mutateBytes(Random random, byte[] json, List<String> applied) {
        var out = new ByteArrayOutputStream();
        int at = json.length == 0 ? 0 : random.nextInt(json.length);
        switch (random.nextInt(8)) {
            case 0 -> {
                // inside the first string value, so that the parser must decode it
                int quote = indexOf(json, (byte) ':', 0);
                at = quote < 0 ? at : Math.min(json.length, indexOf(json, (byte) '"', quote) + 1);
                byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        {(byte) 0xE2, (byte) 0x82}};
                byte[] bad = invalid[random.nextInt(invalid.length)];
                out.write(json, 0, Math.max(at, 0));
                out.writeBytes(bad);
                out.write(json, Math.max(at, 0), json.length - Math.max(at, 0));
                applied.add("invalid UTF-8 at byte " + at);
            }
            case 1 -> {
                out.write(json, 0, at);
                out.write(0);
                out.write(json, at, json.length - at);
                applied.add("raw NUL at byte " + at);
            }
            case 2 -> {
                int brace = indexOf(json, (byte) '{', 0);
                if (brace < 0) {
                    return json;
                }
                out.write(json, 0, brace + 1);
                String field = HostileText.pick(random, FIELD_NAMES);
                out.writeBytes(("\"" + field + "\":\"first\",").getBytes(StandardCharsets.UTF_8));
                out.write(json, brace + 1, json.length - brace - 1);
                applied.add("duplicate key " + field);
            }
            case 3 -> {
                out.write(json, 0, at);
                applied.add("truncated at byte " + at);
            }
            case 4 -> {
                out.writeBytes(json);
                out.writeBytes(random.nextBoolean() ? " {}".getBytes(StandardCharsets.US_ASCII)
                        : "\u0000garbage".getBytes(StandardCharsets.UTF_8));
                applied.add("trailing data");
            }
            case 5 -> {
                out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                out.writeBytes(json);
                applied.add("byte-order mark");
            }
            case 6 -> {
                // deeper than any tree the writer would produce
                int depth = 2_000 + random.nextInt(20_000);
                out.writeBytes(("{\"title\":" + "[".repeat(depth) + "]".repeat(depth) + "}")
                        .getBytes(StandardCharsets.US_ASCII));
                applied.add("nested " + depth + " deep");
            }
            default -> {
                out.writeBytes("/* c */".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(json);
                applied.add("comment");
            }
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = Math.max(from, 0); i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    static byte[] write(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String describe(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + " chars)" : text;
    }

    /** A place in the tree: its path and how to replace (or, given null, remove) its value. */
    private record Slot(String path, JsonNode value, Consumer<JsonNode> replace) {
    }

    private static void collect(JsonNode node, String path, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                String name = field.getKey();
                String child = path.isEmpty() ? name : path + "." + name;
                slots.add(new Slot(child, field.getValue(),
                        v -> { if (v == null) object.remove(name); else object.set(name, v); }));
                collect(field.getValue(), child, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                String child = path + "[" + i + "]";
                slots.add(new Slot(child, array.get(i),
                        v -> { if (v == null) array.remove(index); else array.set(index, v); }));
                collect(array.get(i), child, slots);
            }
        }
    }
}
