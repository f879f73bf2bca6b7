package io.handbill.render;

import com.fasterxml.jackson.core.type.TypeReference;
import io.handbill.json.Json;
import io.handbill.model.Event;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The renderer's own summary of every public event (what the index, feed and sitemap show), kept as one item
 * ({@code LISTING/PUBLIC}, gzipped JSON, with a version) in the events table. An edit reads this one item instead of
 * every event, so its cost does not grow with the site. Writes are conditional on the version, so concurrent batches
 * never lose each other's changes.
 */
public final class PublicListing implements ListingStore {
    static final String PK = "LISTING";
    static final String SK = "PUBLIC";
    /** DynamoDB items stop at 400 KB; this leaves room for the keys (some 8,000 events at typical sizes). */
    private static final int MAX_BYTES = 350 * 1024;
    private static final TypeReference<List<Event>> EVENTS = new TypeReference<>() {
    };

    private final DynamoDbClient dynamo;
    private final String table;
    /** The last version this container read or committed: later edits start from it without reading it again. */
    private volatile Snapshot lastSeen;
    private volatile Map<Event, byte[]> entryJson = Map.of();

    /** @param version 0 when the item does not exist yet */
    public record Snapshot(long version, List<Event> events) {
    }

    public PublicListing(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static List<Event> sorted(List<Event> entries) {
        return entries.stream().sorted(Comparator.comparing(Event::startsAt).thenComparing(Event::id)).toList();
    }

    @Override
    public Optional<Snapshot> read() {
        var item = dynamo.getItem(r -> r.tableName(table).key(key()).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Snapshot snapshot = new Snapshot(Long.parseLong(item.get("version").n()), decode(item.get("events").b()));
        lastSeen = snapshot;
        return Optional.of(snapshot);
    }

    /** From memory once this container has read or committed a version. */
    @Override
    public Optional<Snapshot> lastSeen() {
        Snapshot last = lastSeen;
        return last != null ? Optional.of(last) : read();
    }

    @Override
    public long version() {
        var item = dynamo.getItem(r -> r.tableName(table).key(key()).consistentRead(true)
                .projectionExpression("version")).item();
        return item == null || item.isEmpty() ? 0 : Long.parseLong(item.get("version").n());
    }

    @Override
    public boolean commit(long expectedVersion, List<Event> entries) {
        byte[] body = encode(entries);
        if (body.length > MAX_BYTES) {
            throw new IllegalStateException("The public listing has outgrown one item (" + body.length + " bytes)");
        }
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS(PK), "sk", AttributeValue.fromS(SK),
                "version", AttributeValue.fromN(Long.toString(expectedVersion + 1)),
                "events", AttributeValue.fromB(SdkBytes.fromByteArray(body)));
        try {
            dynamo.putItem(r -> {
                r.tableName(table).item(item);
                if (expectedVersion == 0) {
                    r.conditionExpression("attribute_not_exists(pk)");
                } else {
                    r.conditionExpression("version = :expected")
                            .expressionAttributeValues(Map.of(":expected",
                                    AttributeValue.fromN(Long.toString(expectedVersion))));
                }
            });
            lastSeen = new Snapshot(expectedVersion + 1, List.copyOf(entries));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key() {
        return Map.of("pk", AttributeValue.fromS(PK), "sk", AttributeValue.fromS(SK));
    }

    /**
     * The entries as gzipped JSON. Each entry's JSON is kept for the next commit, which changes one or two entries:
     * the others are not serialised again. Compressed for speed first, and thoroughly only when that would not fit.
     */
    byte[] encode(List<Event> entries) {
        Map<Event, byte[]> previous = entryJson;
        Map<Event, byte[]> current = new HashMap<>();
        ByteArrayOutputStream json = new ByteArrayOutputStream(entries.size() * 512 + 2);
        json.write('[');
        try {
            for (int i = 0; i < entries.size(); i++) {
                Event entry = entries.get(i);
                byte[] bytes = previous.get(entry);
                current.put(entry, bytes != null ? bytes : (bytes = Json.MAPPER.writeValueAsBytes(entry)));
                if (i > 0) {
                    json.write(',');
                }
                json.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        json.write(']');
        entryJson = current;
        byte[] fast = gzip(json, Deflater.BEST_SPEED);
        return fast.length <= MAX_BYTES ? fast : gzip(json, Deflater.DEFAULT_COMPRESSION);
    }

    private static byte[] gzip(ByteArrayOutputStream json, int level) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.size() / 8);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024) {
            {
                def.setLevel(level);
            }
        }) {
            json.writeTo(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<Event> decode(SdkBytes body) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(body.asByteArrayUnsafe()))) {
            return Json.MAPPER.readValue(gzip, EVENTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
