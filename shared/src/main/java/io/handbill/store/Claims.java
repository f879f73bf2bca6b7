package io.handbill.store;

import io.handbill.model.Event;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.handbill.store.Attributes.number;
import static io.handbill.store.Attributes.string;

/**
 * Claims on {@link ClaimedName}s, exactly-once with single-item conditional writes only (the local emulator has no
 * transactions). A write that needs a name claims it first, then puts the event conditioned on the version it read
 * <em>and</em> on the name not being in the event item's {@code fenced} set.
 *
 * <p>A claim item names its event ({@code eventId}), the version the claiming write creates ({@code forVersion},
 * never lowered), when it was made, and a fresh {@code nonce}. Another event takes it over only when the holder
 * provably does not hold the name and no write of the holder already under way can come to hold it:
 * <ul>
 *   <li>a claim younger than {@link #inFlight} is left alone: its request may still be running;</li>
 *   <li>the holder, read consistently, holds the name: taken;</li>
 *   <li>the holder is at or past {@code forVersion} without the name: the claimed write happened and was
 *       superseded, or lost its race. Any other write under way claimed before this claim was read, so it started
 *       from an older version (its forVersion is at most this one) and its conditional put fails;</li>
 *   <li>otherwise (the holder is older, or was never written: a crash between claim and write) the claimant first
 *       fences the holder, adding the name to its item's {@code fenced} set on condition that it is still at the
 *       version just read. Any write of the holder that could still land starts from that version, and now fails
 *       on the fence.</li>
 * </ul>
 * The takeover is a put conditioned on the nonce that was judged: had the holder claimed again meanwhile (a retry,
 * a newer write) the nonce would differ and the evidence be stale. The wait only spares running requests; the
 * fence, not the clock, is what makes a takeover safe.
 *
 * @param inFlight how long a request may still be between its claim and its event write
 */
record Claims(DynamoDbClient dynamo, String table, Clock clock, Duration inFlight) {
    static final String FENCED = "fenced";
    private static final int ATTEMPTS = 8;

    /** A name a claim was refused for. */
    static final class RefusedException extends RuntimeException {
        final ClaimedName name;

        RefusedException(ClaimedName name) {
            super(name.pk() + " is held by another event", null, false, false);
            this.name = name;
        }
    }

    private record Holder(String eventId, long forVersion, AttributeValue nonce, Instant claimedAt) {
    }

    /**
     * Claims every name for the write that takes event {@code eventId} from {@code baseVersion} ({@code null}: the
     * create) to the next. Every name is judged before the first claim is written, so a name another event holds
     * costs no write. A claim made before a later name was refused (a race) is left in place: the rules above free
     * it once its event has moved on, or after {@link #inFlight}.
     *
     * @throws RefusedException          naming the first name another event holds
     * @throws VersionConflictException when this event has a newer write under way than the one being claimed for
     */
    void claimAll(String eventId, Long baseVersion, Collection<ClaimedName> names) {
        long forVersion = baseVersion == null ? 1 : baseVersion + 1;
        for (ClaimedName name : names) {
            if (isTaken(name, eventId)) {
                throw new RefusedException(name);
            }
        }
        for (ClaimedName name : names) {
            if (!claim(name, eventId, forVersion)) {
                throw new RefusedException(name);
            }
        }
    }

    /** Deletes this event's claims on {@code names} that were made for writes up to {@code version}. */
    void release(String eventId, long version, Collection<ClaimedName> names) {
        for (ClaimedName name : names) {
            try {
                dynamo.deleteItem(r -> r.tableName(table).key(key(name))
                        .conditionExpression("eventId = :me AND (attribute_not_exists(forVersion) OR forVersion <= :v)")
                        .expressionAttributeValues(Map.of(":me", string(eventId), ":v", number(version))));
            } catch (ConditionalCheckFailedException e) {
                // another event's claim by now, or one of ours for a later write: not ours to delete
            }
        }
    }

    /** The id of the event that claimed {@code name}, if any; whether it holds the name is the caller's check. */
    Optional<String> holderId(ClaimedName name) {
        return holder(name).map(Holder::eventId);
    }

    /** The first of {@code names} in an event item's fenced set. */
    static Optional<ClaimedName> firstFenced(Map<String, AttributeValue> item, Collection<ClaimedName> names) {
        AttributeValue fenced = item == null ? null : item.get(FENCED);
        return fenced == null ? Optional.empty() : names.stream().filter(nm -> fenced.ss().contains(nm.pk()))
                .findFirst();
    }

    /** The condition part that makes an event write fail when any of these names was fenced; values added. */
    static String notFenced(Collection<ClaimedName> names, Map<String, AttributeValue> values) {
        var condition = new StringBuilder();
        int i = 0;
        for (ClaimedName name : names) {
            values.put(":fenced" + i, string(name.pk()));
            condition.append(" AND NOT contains(" + FENCED + ", :fenced").append(i++).append(')');
        }
        return condition.toString();
    }

    /** How another event's claim may be taken over: at once, or after fencing its holder at {@code fenceAt}. */
    private record Takeover(Holder holder, boolean fence, Long fenceAt) {
    }

    /** Empty when the claim must be left alone: its holder holds the name, or its write may still be running. */
    private Optional<Takeover> takeover(ClaimedName name, Holder holder) {
        if (Duration.between(holder.claimedAt(), clock.instant()).compareTo(inFlight) < 0) {
            return Optional.empty();
        }
        Event event = event(holderItem(holder.eventId()));
        if (event != null && name.isHeldBy(event)) {
            return Optional.empty();
        }
        boolean mayStillLand = event == null || event.version() < holder.forVersion();
        return Optional.of(new Takeover(holder, mayStillLand, event == null ? null : event.version()));
    }

    private boolean isTaken(ClaimedName name, String me) {
        Optional<Holder> holder = holder(name);
        return holder.isPresent() && !holder.get().eventId().equals(me) && takeover(name, holder.get()).isEmpty();
    }

    /** One name, retried while concurrent requests change its claim; false when another event holds it. */
    private boolean claim(ClaimedName name, String me, long forVersion) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Holder> holder = holder(name);
            if (holder.isEmpty()) {
                if (put(name, me, forVersion, "attribute_not_exists(pk)", Map.of())) {
                    return true;
                }
                continue;
            }
            Holder h = holder.get();
            if (h.eventId().equals(me)) {
                if (h.forVersion() > forVersion) {
                    throw new VersionConflictException(me);
                }
                // a retry of our own write, or our earlier claim: never move forVersion back
                if (put(name, me, forVersion, "eventId = :me AND (attribute_not_exists(forVersion) OR forVersion <= :v)",
                        Map.of(":me", string(me), ":v", number(forVersion)))) {
                    return true;
                }
                continue;
            }
            Optional<Takeover> takeover = takeover(name, h);
            if (takeover.isEmpty()) {
                return false;
            }
            if (takeover.get().fence() && !fence(h.eventId(), takeover.get().fenceAt(), List.of(name))) {
                continue;
            }
            var values = new HashMap<String, AttributeValue>(Map.of(":holder", string(h.eventId())));
            String sameNonce = h.nonce() == null ? "attribute_not_exists(nonce)" : "nonce = :nonce";
            if (h.nonce() != null) {
                values.put(":nonce", h.nonce());
            }
            if (put(name, me, forVersion, "eventId = :holder AND " + sameNonce, values)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds {@code names} to the fenced set of event {@code eventId}'s item if it is still at {@code version}
     * ({@code null}: no event written yet, so the fence creates an item that holds nothing else).
     */
    private boolean fence(String eventId, Long version, Collection<ClaimedName> names) {
        var values = new HashMap<String, AttributeValue>(Map.of(":names",
                AttributeValue.fromSs(names.stream().map(ClaimedName::pk).toList())));
        if (version != null) {
            values.put(":v", number(version));
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(DynamoDbEventStore.eventKey(eventId))
                    .updateExpression("ADD " + FENCED + " :names")
                    .conditionExpression(version == null ? "attribute_not_exists(#v)" : "#v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean put(ClaimedName name, String me, long forVersion, String condition,
                        Map<String, AttributeValue> values) {
        Map<String, AttributeValue> item = new HashMap<>(key(name));
        item.put("eventId", string(me));
        item.put("forVersion", number(forVersion));
        item.put("nonce", string(UUID.randomUUID().toString()));
        item.put("claimedAt", number(clock.millis()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression(condition)
                    .expressionAttributeValues(values.isEmpty() ? null : values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<Holder> holder(ClaimedName name) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(name)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        // claims written before forVersion, nonce and claimedAt existed count as the first write's, long ago
        return Optional.of(new Holder(item.get("eventId").s(),
                item.containsKey("forVersion") ? Long.parseLong(item.get("forVersion").n()) : 1,
                item.get("nonce"),
                item.containsKey("claimedAt") ? Instant.ofEpochMilli(Long.parseLong(item.get("claimedAt").n()))
                        : Instant.EPOCH));
    }

    private Map<String, AttributeValue> holderItem(String eventId) {
        return dynamo.getItem(r -> r.tableName(table).key(DynamoDbEventStore.eventKey(eventId)).consistentRead(true))
                .item();
    }

    private static Event event(Map<String, AttributeValue> item) {
        return DynamoDbEventStore.eventIn(item).orElse(null);
    }

    private static Map<String, AttributeValue> key(ClaimedName name) {
        return Attributes.key(name.pk(), name.kind().sk);
    }
}
