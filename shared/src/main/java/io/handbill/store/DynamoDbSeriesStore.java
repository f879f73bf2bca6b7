package io.handbill.store;

import io.handbill.model.Series;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.handbill.store.Attributes.DOC;
import static io.handbill.store.Attributes.document;
import static io.handbill.store.Attributes.documentIn;
import static io.handbill.store.Attributes.key;
import static io.handbill.store.Attributes.number;
import static io.handbill.store.Attributes.string;

/**
 * {@link SeriesStore} on the events table. Every series is one item in the {@code SERIES} partition (so listing
 * them is one query); the claims of a series share its own partition, one item per date, sorted by date.
 */
public record DynamoDbSeriesStore(DynamoDbClient dynamo, String table) implements SeriesStore {
    /** Partition of every series item; also what the page-renderer's stream filter lets through. */
    public static final String SERIES_PK = "SERIES";
    private static final String CLAIM_PK = "SERIES#";
    private static final String CLAIM_SK = "DATE#";

    /** The id of the series whose item has these keys; empty for any other item (claims, events, ...). */
    public static Optional<String> seriesId(String pk, String sk) {
        return SERIES_PK.equals(pk) && sk != null && !sk.isEmpty() ? Optional.of(sk) : Optional.empty();
    }

    @Override
    public void create(Series series) {
        if (!VersionedWrites.create(dynamo, table, toItem(series))) {
            throw new VersionConflictException(series.id());
        }
    }

    @Override
    public Optional<Series> get(String id) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(SERIES_PK, id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(documentIn(item, Series.class));
    }

    @Override
    public List<Series> list() {
        var series = new ArrayList<Series>();
        queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", HandbillTable.PK))
                .expressionAttributeValues(Map.of(":pk", string(SERIES_PK))).build())
                .forEach(item -> series.add(documentIn(item, Series.class)));
        return series;
    }

    @Override
    public void update(Series next) {
        if (!VersionedWrites.put(dynamo, table, toItem(next), next.version() - 1)) {
            throw new VersionConflictException(next.id());
        }
    }

    @Override
    public OccurrenceClaim claim(String seriesId, LocalDate date, String eventId) {
        // a read first: on the daily refresh nearly every date is claimed already, and a read costs less
        Optional<OccurrenceClaim> earlier = storedClaim(seriesId, date);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        var claim = new OccurrenceClaim(seriesId, date, eventId, OccurrenceClaim.State.CLAIMED);
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(claim))
                    .conditionExpression("attribute_not_exists(" + HandbillTable.PK + ")"));
            return claim;
        } catch (ConditionalCheckFailedException e) {
            return storedClaim(seriesId, date).orElseThrow();
        }
    }

    private Optional<OccurrenceClaim> storedClaim(String seriesId, LocalDate date) {
        var item = dynamo.getItem(r -> r.tableName(table).key(claimKey(seriesId, date)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromClaimItem(item));
    }

    @Override
    public void markCreated(OccurrenceClaim claim) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(claimKey(claim.seriesId(), claim.date()))
                    .updateExpression("SET #state = :created")
                    // a skip that came in meanwhile stays a skip
                    .conditionExpression("#state = :claimed")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":created", string(OccurrenceClaim.State.CREATED.name()),
                            ":claimed", string(OccurrenceClaim.State.CLAIMED.name()))));
        } catch (ConditionalCheckFailedException e) {
            // already CREATED by a concurrent run, or SKIPPED: both final
        }
    }

    @Override
    public void markSkipped(OccurrenceClaim claim) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(new OccurrenceClaim(claim.seriesId(), claim.date(),
                claim.eventId(), OccurrenceClaim.State.SKIPPED))));
    }

    @Override
    public List<OccurrenceClaim> claims(String seriesId) {
        return queryAll(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :date)")
                .expressionAttributeNames(Map.of("#pk", HandbillTable.PK, "#sk", HandbillTable.SK))
                .expressionAttributeValues(Map.of(":pk", string(CLAIM_PK + seriesId), ":date", string(CLAIM_SK)))
                .build()).stream().map(DynamoDbSeriesStore::fromClaimItem).toList();
    }

    private List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        var items = new ArrayList<Map<String, AttributeValue>>();
        Map<String, AttributeValue> start = null;
        do {
            var response = dynamo.query(request.toBuilder().exclusiveStartKey(start).build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static Map<String, AttributeValue> toItem(Series series) {
        var item = new HashMap<String, AttributeValue>(key(SERIES_PK, series.id()));
        item.put("type", string("Series"));
        item.put("version", number(series.version()));
        item.put(DOC, document(series));
        return item;
    }

    private static Map<String, AttributeValue> toItem(OccurrenceClaim claim) {
        var item = new HashMap<String, AttributeValue>(claimKey(claim.seriesId(), claim.date()));
        item.put("type", string("OccurrenceClaim"));
        item.put("eventId", string(claim.eventId()));
        item.put("state", string(claim.state().name()));
        return item;
    }

    private static OccurrenceClaim fromClaimItem(Map<String, AttributeValue> item) {
        return new OccurrenceClaim(item.get(HandbillTable.PK).s().substring(CLAIM_PK.length()),
                LocalDate.parse(item.get(HandbillTable.SK).s().substring(CLAIM_SK.length())),
                item.get("eventId").s(), OccurrenceClaim.State.valueOf(item.get("state").s()));
    }

    private static Map<String, AttributeValue> claimKey(String seriesId, LocalDate date) {
        return key(CLAIM_PK + seriesId, CLAIM_SK + date);
    }
}
