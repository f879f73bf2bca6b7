package io.handbill.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handbill.json.Json;
import io.handbill.model.Event;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link EventStore} on the single DynamoDB table ({@link HandbillTable}), with single-item conditional writes only
 * (no transactions: the local emulator has none). Writes are ordered so a crash between two leaves a state the
 * next attempt repairs: the slug is claimed before the event is written, and a claim whose event does not hold
 * that slug is stale and may be taken over.
 */
public final class DynamoDbEventStore implements EventStore {
    private static final String PUBLIC = "PUBLIC";
    private static final String ALL = "EVENT";
    /** Fixed-width UTC timestamps sort as text in the same order as in time. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbEventStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public String table() {
        return table;
    }

    @Override
    public void create(Event event) {
        claimSlug(event.slug(), event.id());
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(event))
                    .conditionExpression("attribute_not_exists(" + HandbillTable.PK + ")"));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(event.id());
        }
    }

    @Override
    public Optional<Event> get(String id) {
        var item = dynamo.getItem(r -> r.tableName(table).key(eventKey(id)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<Event> findBySlug(String slug) {
        return slugOwner(slug).flatMap(this::get).filter(e -> e.slug().equals(slug));
    }

    @Override
    public void update(Event next) {
        Event previous = get(next.id()).orElseThrow(() -> new EventNotFoundException(next.id()));
        if (previous.version() != next.version() - 1) {
            throw new VersionConflictException(next.id());
        }
        boolean slugChanged = !previous.slug().equals(next.slug());
        if (slugChanged) {
            claimSlug(next.slug(), next.id());
        }
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(next))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", number(next.version() - 1))));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(next.id());
        }
        if (slugChanged) {
            releaseSlug(previous.slug(), next.id());
        }
    }

    @Override
    public void delete(String id, long expectedVersion) {
        Event event = get(id).orElseThrow(() -> new EventNotFoundException(id));
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(eventKey(id))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", number(expectedVersion))));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException(id);
        }
        releaseSlug(event.slug(), id);
    }

    @Override
    public Page<Event> list(EventListing listing) {
        String now = SORTABLE.format(listing.now());
        var request = QueryRequest.builder().tableName(table).indexName(HandbillTable.ALL_BY_START)
                .limit(listing.limit())
                .exclusiveStartKey(decodeCursor(listing.cursor()));
        var names = new HashMap<String, String>(Map.of("#pk", HandbillTable.ALL_BY_START_PK));
        var values = new HashMap<String, AttributeValue>(Map.of(":pk", string(ALL)));
        String condition = "#pk = :pk";
        if (listing.when() != EventListing.When.ALL) {
            names.put("#sk", HandbillTable.ALL_BY_START_SK);
            values.put(":now", string(now));
            condition += listing.when() == EventListing.When.UPCOMING ? " AND #sk >= :now" : " AND #sk < :now";
        }
        if (listing.when() == EventListing.When.PAST) {
            request.scanIndexForward(false);
        }
        if (listing.status() != null) {
            names.put("#status", "status");
            values.put(":status", string(listing.status().name()));
            request.filterExpression("#status = :status");
        }
        request.keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values);
        return page(query(request.build(), listing.cursor()));
    }

    @Override
    public Page<Event> listPublic(Instant from, Instant to, String cursor, int limit) {
        return page(query(QueryRequest.builder().tableName(table).indexName(HandbillTable.BY_START)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", HandbillTable.BY_START_PK, "#sk", HandbillTable.BY_START_SK))
                // sort keys are "<start>#<id>": "~" sorts after "#" so "to" excludes starts equal to it only
                .expressionAttributeValues(Map.of(":pk", string(PUBLIC), ":from", string(SORTABLE.format(from)),
                        ":to", string(SORTABLE.format(to.minusSeconds(1)) + "~")))
                .exclusiveStartKey(decodeCursor(cursor))
                .limit(limit).build(), cursor));
    }

    /**
     * A cursor decodes to a start key of the caller's choosing; DynamoDB rejects one that does not fit the index or
     * the key condition, which is the caller's error, not ours.
     */
    private QueryResponse query(QueryRequest request, String cursor) {
        try {
            return dynamo.query(request);
        } catch (DynamoDbException e) {
            boolean invalidInput = e.awsErrorDetails() != null
                    && "ValidationException".equals(e.awsErrorDetails().errorCode());
            if (cursor != null && !cursor.isEmpty() && invalidInput) {
                throw new InvalidCursorException();
            }
            throw e;
        }
    }

    @Override
    public SiteVersion siteVersion() {
        var item = dynamo.getItem(r -> r.tableName(table).key(siteVersionKey()).consistentRead(true)).item();
        return item == null || item.isEmpty() ? SiteVersion.INITIAL : siteVersion(item);
    }

    @Override
    public SiteVersion bumpSiteVersion(Instant now) {
        var updated = dynamo.updateItem(r -> r.tableName(table).key(siteVersionKey())
                .updateExpression("ADD #v :one SET updatedAt = :now")
                .expressionAttributeNames(Map.of("#v", "value"))
                .expressionAttributeValues(Map.of(":one", number(1), ":now", string(now.toString())))
                .returnValues(ReturnValue.ALL_NEW)).attributes();
        return siteVersion(updated);
    }

    private static SiteVersion siteVersion(Map<String, AttributeValue> item) {
        return new SiteVersion(Long.parseLong(item.get("value").n()), Instant.parse(item.get("updatedAt").s()));
    }

    private void claimSlug(String slug, String eventId) {
        Optional<String> owner = slugOwner(slug);
        if (owner.isPresent() && !owner.get().equals(eventId)
                && get(owner.get()).map(e -> e.slug().equals(slug)).orElse(false)) {
            throw new SlugTakenException(slug);
        }
        try {
            var values = new HashMap<String, AttributeValue>(Map.of(":me", string(eventId)));
            String free = "attribute_not_exists(" + HandbillTable.PK + ") OR eventId = :me";
            if (owner.isPresent()) {
                // a stale claim (its event is gone or moved on): take it over only if nobody else did meanwhile
                values.put(":stale", string(owner.get()));
            }
            String condition = owner.isPresent() ? free + " OR eventId = :stale" : free;
            dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(HandbillTable.PK, string(EventKeys.slugPk(slug)),
                            HandbillTable.SK, string(EventKeys.SLUG_SK), "eventId", string(eventId)))
                    .conditionExpression(condition)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new SlugTakenException(slug);
        }
    }

    private void releaseSlug(String slug, String eventId) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(slugKey(slug))
                    .conditionExpression("eventId = :me")
                    .expressionAttributeValues(Map.of(":me", string(eventId))));
        } catch (ConditionalCheckFailedException e) {
            // someone else owns it now: nothing to release
        }
    }

    private Optional<String> slugOwner(String slug) {
        var item = dynamo.getItem(r -> r.tableName(table).key(slugKey(slug)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get("eventId").s());
    }

    private Map<String, AttributeValue> toItem(Event event) {
        String sortKey = SORTABLE.format(event.startsAt()) + "#" + event.id();
        var item = new HashMap<String, AttributeValue>();
        item.put(HandbillTable.PK, string(EventKeys.eventPk(event.id())));
        item.put(HandbillTable.SK, string(EventKeys.EVENT_SK));
        item.put("type", string("Event"));
        item.put("status", string(event.status().name()));
        item.put("slug", string(event.slug()));
        item.put("version", number(event.version()));
        item.put("doc", string(Json.write(event)));
        item.put(HandbillTable.ALL_BY_START_PK, string(ALL));
        item.put(HandbillTable.ALL_BY_START_SK, string(sortKey));
        if (event.status().isPublic()) {
            item.put(HandbillTable.BY_START_PK, string(PUBLIC));
            item.put(HandbillTable.BY_START_SK, string(sortKey));
        }
        return item;
    }

    private static Event fromItem(Map<String, AttributeValue> item) {
        try {
            return Json.read(item.get("doc").s(), Event.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored event " + item.get(HandbillTable.PK).s() + " is unreadable", e);
        }
    }

    private static Page<Event> page(QueryResponse response) {
        List<Event> events = response.items().stream().map(DynamoDbEventStore::fromItem).toList();
        return new Page<>(events, encodeCursor(response.lastEvaluatedKey()));
    }

    private static String encodeCursor(Map<String, AttributeValue> lastKey) {
        if (lastKey == null || lastKey.isEmpty()) {
            return null;
        }
        var plain = new LinkedHashMap<String, String>();
        lastKey.forEach((k, v) -> plain.put(k, v.s()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(plain).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            Map<?, ?> plain = Json.read(json, Map.class);
            var key = new HashMap<String, AttributeValue>();
            for (var entry : plain.entrySet()) {
                if (!(entry.getKey() instanceof String k) || !(entry.getValue() instanceof String v)) {
                    throw new InvalidCursorException();
                }
                key.put(k, string(v));
            }
            if (!key.containsKey(HandbillTable.PK) || key.size() > 4) {
                throw new InvalidCursorException();
            }
            return key;
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new InvalidCursorException();
        }
    }

    private static Map<String, AttributeValue> eventKey(String id) {
        return key(EventKeys.eventPk(id), EventKeys.EVENT_SK);
    }

    private static Map<String, AttributeValue> slugKey(String slug) {
        return key(EventKeys.slugPk(slug), EventKeys.SLUG_SK);
    }

    private static Map<String, AttributeValue> siteVersionKey() {
        return key(EventKeys.SITE_PK, EventKeys.VERSION_SK);
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(HandbillTable.PK, string(pk), HandbillTable.SK, string(sk));
    }

    static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
