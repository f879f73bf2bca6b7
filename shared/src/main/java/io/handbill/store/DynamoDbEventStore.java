package io.handbill.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.handbill.json.Json;
import io.handbill.model.Aliases;
import io.handbill.model.Event;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.handbill.store.Attributes.DOC;
import static io.handbill.store.Attributes.document;
import static io.handbill.store.Attributes.documentIn;
import static io.handbill.store.Attributes.key;
import static io.handbill.store.Attributes.number;
import static io.handbill.store.Attributes.string;

/**
 * {@link EventStore} on the single DynamoDB table ({@link HandbillTable}), with single-item conditional writes only
 * (no transactions: the local emulator has none). The slug and the aliases are claimed ({@link Claims}) before the
 * event is written, and freed after the write that drops them; a crash between two writes leaves a claim that the
 * next attempt repairs or another event can provably take over.
 */
public final class DynamoDbEventStore implements EventStore {
    private static final String PUBLIC = "PUBLIC";
    private static final String ALL = "EVENT";
    /** Fixed-width UTC timestamps sort as text in the same order as in time. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Longer than the API function's timeout (10 s): a claim this young may belong to a request still running. */
    private static final Duration WRITE_IN_FLIGHT = Duration.ofMinutes(1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final Claims claims;

    public DynamoDbEventStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC(), WRITE_IN_FLIGHT);
    }

    /**
     * @param writeInFlight how long after a claim its request may still be writing the event; older claims whose
     *                      event does not hold the name are taken over (tests shorten it to replay a crash)
     */
    public DynamoDbEventStore(DynamoDbClient dynamo, String table, Clock clock, Duration writeInFlight) {
        this.dynamo = dynamo;
        this.table = table;
        this.claims = new Claims(dynamo, table, clock, writeInFlight);
    }

    public String table() {
        return table;
    }

    @Override
    public void create(Event event) {
        Set<ClaimedName> names = ClaimedName.of(event);
        claim(event, null, names);
        var values = new HashMap<String, AttributeValue>();
        String condition = "attribute_not_exists(#v)" + Claims.notFenced(names, values);
        Map<String, AttributeValue> written = toItem(event);
        try {
            dynamo.putItem(r -> r.tableName(table).item(written).conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#v", "version")).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            var item = eventItem(event.id());
            if (appliedBefore(written, item)) {
                return;
            }
            if (eventIn(item).isPresent()) {
                throw new VersionConflictException(event.id());
            }
            // fenced by another event that took over a claim of ours while this request stalled
            throw taken(event, Claims.firstFenced(item, names).orElse(ClaimedName.slug(event.slug())));
        }
    }

    @Override
    public Optional<Event> get(String id) {
        return eventIn(eventItem(id));
    }

    @Override
    public Optional<Event> findBySlug(String slug) {
        return findHolder(ClaimedName.slug(slug));
    }

    @Override
    public Optional<Event> findByAlias(String key) {
        return findHolder(ClaimedName.alias(key));
    }

    private Optional<Event> findHolder(ClaimedName name) {
        return claims.holderId(name).flatMap(this::get).filter(name::isHeldBy);
    }

    @Override
    public void update(Event next) {
        Event previous = get(next.id()).orElseThrow(() -> new EventNotFoundException(next.id()));
        if (previous.version() != next.version() - 1) {
            throw new VersionConflictException(next.id());
        }
        Set<ClaimedName> held = ClaimedName.of(previous);
        Set<ClaimedName> wanted = ClaimedName.of(next);
        Set<ClaimedName> added = new LinkedHashSet<>(wanted);
        added.removeAll(held);
        Set<ClaimedName> dropped = new LinkedHashSet<>(held);
        dropped.removeAll(wanted);
        claim(next, previous.version(), added);
        var values = new HashMap<String, AttributeValue>(Map.of(":expected", number(previous.version())));
        String condition = "#v = :expected" + Claims.notFenced(added, values);
        Map<String, AttributeValue> written = toItem(next);
        try {
            dynamo.putItem(r -> r.tableName(table).item(written).conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#v", "version")).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            var item = eventItem(next.id());
            if (appliedBefore(written, item)) {
                claims.release(next.id(), next.version(), dropped);
                return;
            }
            Optional<ClaimedName> fenced = eventIn(item).filter(current -> current.version() == previous.version())
                    .flatMap(current -> Claims.firstFenced(item, added));
            if (fenced.isEmpty()) {
                throw new VersionConflictException(next.id());
            }
            throw taken(next, fenced.get());
        }
        claims.release(next.id(), next.version(), dropped);
    }

    @Override
    public void delete(String id, long expectedVersion) {
        Event event = get(id).orElseThrow(() -> new EventNotFoundException(id));
        // gone is what was asked for, whether our own first attempt or another delete of it got there first
        if (!VersionedWrites.delete(dynamo, table, eventKey(id), expectedVersion) && get(id).isPresent()) {
            throw new VersionConflictException(id);
        }
        // no update of a deleted event can land (each is conditioned on its version), so all its claims are free
        claims.release(id, Long.MAX_VALUE, ClaimedName.of(event));
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

    /**
     * Whether a conditional write that "failed" had in fact been applied: the SDK retries a write whose response was
     * lost (a 500, a timeout, a reset connection after DynamoDB applied it), and the retry then fails its own
     * condition. The item is exactly ours only if that first attempt wrote it.
     */
    private static boolean appliedBefore(Map<String, AttributeValue> written, Map<String, AttributeValue> stored) {
        return written.equals(stored);
    }

    private void claim(Event event, Long baseVersion, Set<ClaimedName> names) {
        try {
            claims.claimAll(event.id(), baseVersion, names);
        } catch (Claims.RefusedException e) {
            throw taken(event, e.name);
        }
    }

    private static RuntimeException taken(Event event, ClaimedName name) {
        if (name.kind() == ClaimedName.Kind.SLUG) {
            return new SlugTakenException(event.slug());
        }
        for (int i = 0; i < event.aliases().size(); i++) {
            if (Aliases.key(event.aliases().get(i)).filter(name.value()::equals).isPresent()) {
                return new AliasTakenException(event.aliases().get(i), i);
            }
        }
        throw new IllegalStateException("Event " + event.id() + " has no alias at " + name.value());
    }

    private Map<String, AttributeValue> eventItem(String id) {
        return dynamo.getItem(r -> r.tableName(table).key(eventKey(id)).consistentRead(true)).item();
    }

    /** The event an event item holds; empty for no item, or one that only carries {@link Claims} fences. */
    static Optional<Event> eventIn(Map<String, AttributeValue> item) {
        return item == null || !item.containsKey(DOC) ? Optional.empty()
                : Optional.of(documentIn(item, Event.class));
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
        item.put(DOC, document(event));
        item.put(HandbillTable.ALL_BY_START_PK, string(ALL));
        item.put(HandbillTable.ALL_BY_START_SK, string(sortKey));
        if (event.status().isPublic()) {
            item.put(HandbillTable.BY_START_PK, string(PUBLIC));
            item.put(HandbillTable.BY_START_SK, string(sortKey));
        }
        return item;
    }

    private static Page<Event> page(QueryResponse response) {
        List<Event> events = response.items().stream().map(item -> documentIn(item, Event.class)).toList();
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

    static Map<String, AttributeValue> eventKey(String id) {
        return key(EventKeys.eventPk(id), EventKeys.EVENT_SK);
    }

    private static Map<String, AttributeValue> siteVersionKey() {
        return key(EventKeys.SITE_PK, EventKeys.VERSION_SK);
    }
}
