package io.handbill.rsvp;

import io.handbill.store.HandbillTable;
import io.handbill.store.Page;
import io.handbill.store.VersionedWrites;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RsvpStore} on the single table, one partition per event: {@code RSVP#<eventId>} holds
 * {@code ATTENDEE#<id>} items, the {@code PLACES} counter ({@code going}, {@code seq}, and the maps {@code claims}
 * and {@code releases} of steps begun but not yet finished) and {@code MAIL#<key>} ledger entries.
 */
public record DynamoDbRsvpStore(DynamoDbClient dynamo, String table) implements RsvpStore {
    static final String PREFIX = "RSVP#";
    static final String ATTENDEE = "ATTENDEE#";
    static final String COUNTER = "PLACES";
    static final String MAIL = "MAIL#";
    /** A fresh id on every conditional put, so that a write can tell its own landed attempt from anyone else's. */
    private static final String WRITE = "writeId";
    private static final AttributeValue ONE = AttributeValue.fromN("1");

    @Override
    public Optional<Attendee> get(String eventId, String attendeeId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(eventId, ATTENDEE + attendeeId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean create(Attendee attendee, Instant expiresAt) {
        var item = toItem(attendee);
        item.put(HandbillTable.TTL, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        // a write that landed but lost its answer finds its own write id stored
        return VersionedWrites.create(dynamo, table, item) || appliedBefore(item);
    }

    @Override
    public boolean update(Attendee next) {
        var item = toItem(next);
        if (next.state() == AttendeeState.PENDING) {
            // a pending RSVP expires 48 hours after its latest confirmation mail
            item.put(HandbillTable.TTL, AttributeValue.fromN(Long.toString(
                    next.updatedAt().plus(Duration.ofHours(48)).getEpochSecond())));
        }
        return VersionedWrites.put(dynamo, table, item, next.version() - 1) || appliedBefore(item);
    }

    @Override
    public Page<Attendee> list(String eventId, String cursor, int limit) {
        QueryResponse response = dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :attendee)")
                .expressionAttributeNames(Map.of("#pk", HandbillTable.PK, "#sk", HandbillTable.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PREFIX + eventId),
                        ":attendee", AttributeValue.fromS(ATTENDEE)))
                .exclusiveStartKey(cursor == null ? null : key(eventId, ATTENDEE + cursor))
                .consistentRead(true)
                .limit(limit));
        var last = response.lastEvaluatedKey();
        String next = last == null || last.isEmpty() ? null
                : last.get(HandbillTable.SK).s().substring(ATTENDEE.length());
        return new Page<>(response.items().stream().map(DynamoDbRsvpStore::fromItem).toList(), next);
    }

    @Override
    public long nextSequence(String eventId) {
        // also creates the counter with its empty maps, so that claims can set map entries later
        var updated = dynamo.updateItem(r -> r.tableName(table).key(key(eventId, COUNTER))
                .updateExpression("SET seq = if_not_exists(seq, :zero) + :one, going = if_not_exists(going, :zero), "
                        + "claims = if_not_exists(claims, :empty), releases = if_not_exists(releases, :empty)")
                .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"), ":one", ONE,
                        ":empty", AttributeValue.fromM(Map.of())))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();
        return Long.parseLong(updated.get("seq").n());
    }

    @Override
    public Claim claimPlace(String eventId, String attendeeId, int capacity, long sequence) {
        AttributeValue seq = AttributeValue.fromN(Long.toString(sequence));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(eventId, COUNTER))
                    .updateExpression("SET going = going + :one, claims.#a = :seq")
                    .conditionExpression("going < :capacity AND (attribute_not_exists(claims.#a) OR claims.#a <> :seq)")
                    .expressionAttributeNames(Map.of("#a", attendeeId))
                    .expressionAttributeValues(Map.of(":one", ONE, ":seq", seq,
                            ":capacity", AttributeValue.fromN(Integer.toString(capacity)))));
            return Claim.TAKEN;
        } catch (ConditionalCheckFailedException e) {
            return seq.equals(entry(eventId, "claims", attendeeId)) ? Claim.ALREADY_TAKEN : Claim.FULL;
        }
    }

    @Override
    public void closeClaim(String eventId, String attendeeId) {
        removeEntry(eventId, "claims", attendeeId);
    }

    @Override
    public boolean releasePlace(String eventId, String attendeeId, long sequence) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(eventId, COUNTER))
                    .updateExpression("SET going = going - :one, releases.#a = :seq")
                    .conditionExpression("going > :zero AND (attribute_not_exists(releases.#a) OR releases.#a <> :seq)")
                    .expressionAttributeNames(Map.of("#a", attendeeId))
                    .expressionAttributeValues(Map.of(":one", ONE, ":zero", AttributeValue.fromN("0"),
                            ":seq", AttributeValue.fromN(Long.toString(sequence)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void closeRelease(String eventId, String attendeeId) {
        removeEntry(eventId, "releases", attendeeId);
    }

    @Override
    public int going(String eventId) {
        var counter = counter(eventId);
        return counter.containsKey("going") ? Integer.parseInt(counter.get("going").n()) : 0;
    }

    @Override
    public MailClaim claimMail(String eventId, String mailKey, Instant now, Duration lease, Instant expiresAt) {
        Map<String, AttributeValue> claim = Map.of(HandbillTable.PK, AttributeValue.fromS(PREFIX + eventId),
                HandbillTable.SK, AttributeValue.fromS(MAIL + mailKey),
                "state", AttributeValue.fromS("CLAIMED"),
                "claimedAt", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                WRITE, writeId(),
                HandbillTable.TTL, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        try {
            dynamo.putItem(r -> r.tableName(table).item(claim)
                    .conditionExpression("attribute_not_exists(#pk) OR (#state = :claimed AND claimedAt < :stale)")
                    .expressionAttributeNames(Map.of("#pk", HandbillTable.PK, "#state", "state"))
                    .expressionAttributeValues(Map.of(":claimed", AttributeValue.fromS("CLAIMED"),
                            ":stale", AttributeValue.fromN(Long.toString(now.minus(lease).toEpochMilli())))));
            return MailClaim.SEND;
        } catch (ConditionalCheckFailedException e) {
            var entry = dynamo.getItem(r -> r.tableName(table).key(key(eventId, MAIL + mailKey)).consistentRead(true))
                    .item();
            if (claim.equals(entry)) {
                return MailClaim.SEND;   // our own claim, applied before its answer was lost
            }
            return entry != null && entry.containsKey("state") && entry.get("state").s().equals("SENT")
                    ? MailClaim.SENT : MailClaim.HELD;
        }
    }

    @Override
    public void markMailSent(String eventId, String mailKey, String messageId, Instant now) {
        dynamo.updateItem(r -> r.tableName(table).key(key(eventId, MAIL + mailKey))
                .updateExpression("SET #state = :sent, messageId = :id, sentAt = :now")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS("SENT"),
                        ":id", AttributeValue.fromS(messageId), ":now", AttributeValue.fromS(now.toString()))));
    }

    /**
     * Whether a conditional put that "failed" had in fact been applied: the SDK retries a put whose answer was lost
     * (a 500, a timeout, a reset connection after DynamoDB applied it), and the retry then fails its own condition.
     * The stored item is exactly ours, write id included, only if that first attempt wrote it.
     */
    private boolean appliedBefore(Map<String, AttributeValue> written) {
        var stored = dynamo.getItem(r -> r.tableName(table)
                .key(Map.of(HandbillTable.PK, written.get(HandbillTable.PK), HandbillTable.SK,
                        written.get(HandbillTable.SK))).consistentRead(true)).item();
        return written.equals(stored);
    }

    private static AttributeValue writeId() {
        return AttributeValue.fromS(UUID.randomUUID().toString());
    }

    private void removeEntry(String eventId, String map, String attendeeId) {
        dynamo.updateItem(r -> r.tableName(table).key(key(eventId, COUNTER))
                .updateExpression("REMOVE " + map + ".#a")
                .expressionAttributeNames(Map.of("#a", attendeeId)));
    }

    private AttributeValue entry(String eventId, String map, String attendeeId) {
        var counter = counter(eventId);
        return counter.containsKey(map) ? counter.get(map).m().get(attendeeId) : null;
    }

    private Map<String, AttributeValue> counter(String eventId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(eventId, COUNTER)).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    private static Map<String, AttributeValue> key(String eventId, String sk) {
        return Map.of(HandbillTable.PK, AttributeValue.fromS(PREFIX + eventId), HandbillTable.SK,
                AttributeValue.fromS(sk));
    }

    private static Map<String, AttributeValue> toItem(Attendee a) {
        var item = new HashMap<>(key(a.eventId(), ATTENDEE + a.id()));
        item.put("type", AttributeValue.fromS("Attendee"));
        item.put("email", AttributeValue.fromS(a.email()));
        item.put("name", AttributeValue.fromS(a.name()));
        if (a.answer() != null) {
            item.put("answer", AttributeValue.fromS(a.answer()));
        }
        item.put("state", AttributeValue.fromS(a.state().name()));
        item.put("seq", AttributeValue.fromN(Long.toString(a.sequence())));
        item.put("version", AttributeValue.fromN(Long.toString(a.version())));
        put(item, "createdAt", a.createdAt());
        put(item, "updatedAt", a.updatedAt());
        put(item, "confirmedAt", a.confirmedAt());
        put(item, "cancelledAt", a.cancelledAt());
        put(item, "checkedInAt", a.checkedInAt());
        put(item, "confirmationSentAt", a.confirmationSentAt());
        item.put("withdrawn", AttributeValue.fromN(Integer.toString(a.withdrawn())));
        item.put(WRITE, writeId());
        return item;
    }

    private static void put(Map<String, AttributeValue> item, String name, Instant value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value.toString()));
        }
    }

    private static Attendee fromItem(Map<String, AttributeValue> item) {
        String pk = item.get(HandbillTable.PK).s();
        return new Attendee(pk.substring(PREFIX.length()), item.get(HandbillTable.SK).s().substring(ATTENDEE.length()),
                item.get("email").s(), item.get("name").s(), item.containsKey("answer") ? item.get("answer").s() : null,
                AttendeeState.valueOf(item.get("state").s()), Long.parseLong(item.get("seq").n()),
                Long.parseLong(item.get("version").n()), instant(item, "createdAt"), instant(item, "updatedAt"),
                instant(item, "confirmedAt"), instant(item, "cancelledAt"), instant(item, "checkedInAt"),
                instant(item, "confirmationSentAt"),
                item.containsKey("withdrawn") ? Integer.parseInt(item.get("withdrawn").n()) : 0);
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : Instant.parse(value.s());
    }
}
