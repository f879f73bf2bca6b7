package io.handbill.reminder;

import io.handbill.store.HandbillTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * {@link ReminderLedger} on the single table. Items:
 * <ul>
 *   <li>{@code SENT#<eventId>#<kind> / <subscriber key>}: ledger entries (TTL a month after the event), each naming
 *   the mailing that claimed it (the mail it went out in: a digest claims several)</li>
 *   <li>{@code MAILJOB / <eventId>#<kind>}: open jobs, deleted when done; one query lists them</li>
 *   <li>{@code ANNOUNCED#<eventId> / ANNOUNCED}: what subscribers were last told</li>
 *   <li>{@code SWEEP / REMINDERS}: the sweep's state</li>
 * </ul>
 */
public record DynamoDbReminderLedger(DynamoDbClient dynamo, String table) implements ReminderLedger {
    private static final String JOBS = "MAILJOB";

    @Override
    public Optional<SweepState> sweepState() {
        return readDocument(key("SWEEP", "REMINDERS"), SweepState.class);
    }

    @Override
    public void saveSweepState(SweepState state) {
        putDocument(key("SWEEP", "REMINDERS"), state);
    }

    @Override
    public void openJob(MailJob job) {
        // open already, with its progress: keep it
        putJobIf(job, "attribute_not_exists(" + HandbillTable.PK + ")");
    }

    @Override
    public List<MailJob> openJobs() {
        var jobs = new ArrayList<MailJob>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(r -> r.tableName(table).keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", HandbillTable.PK))
                    .expressionAttributeValues(Map.of(":pk", string(JOBS)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> jobs.add(documentIn(item, MailJob.class)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        jobs.sort(Comparator.comparing(MailJob::createdAt).thenComparing(MailJob::eventId));
        return jobs;
    }

    @Override
    public void saveCursor(MailJob job) {
        // only while still open: a job closed meanwhile (by another run) must not come back
        putJobIf(job, "attribute_exists(" + HandbillTable.PK + ")");
    }

    /** Writes the job's item when {@code condition} holds; otherwise leaves the item as it is. */
    private void putJobIf(MailJob job, String condition) {
        var item = new HashMap<>(jobKey(job));
        item.put(DOC, document(job));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression(condition));
        } catch (ConditionalCheckFailedException e) {
            // the condition is the point: nothing to do
        }
    }

    @Override
    public void closeJob(MailJob job) {
        dynamo.deleteItem(r -> r.tableName(table).key(jobKey(job)));
    }

    @Override
    public Optional<Announcement> announcement(String eventId) {
        return readDocument(key("ANNOUNCED#" + eventId, "ANNOUNCED"), Announcement.class);
    }

    @Override
    public void saveAnnouncement(Announcement announcement) {
        putDocument(key("ANNOUNCED#" + announcement.eventId(), "ANNOUNCED"), announcement);
    }

    @Override
    public Optional<LedgerEntry> claim(MailJob job, String subscriberKey, String mailing, Instant now,
                                       Instant expiresAt) {
        var item = new HashMap<>(entryKey(job, subscriberKey));
        item.put("mailing", string(mailing));
        item.put("status", string(LedgerEntry.Status.CLAIMED.name()));
        item.put("attempts", number(1));
        item.put("claimedAt", string(now.toString()));
        item.put(HandbillTable.TTL, number(expiresAt.getEpochSecond()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(" + HandbillTable.PK + ")"));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return entry(job, subscriberKey);
        }
    }

    @Override
    public boolean reclaim(MailJob job, LedgerEntry seen, Instant now) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(entryKey(job, seen.subscriberKey()))
                    .updateExpression("SET attempts = :next, claimedAt = :now")
                    .conditionExpression("#status = :claimed AND attempts = :seen")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":next", number(seen.attempts() + 1),
                            ":now", string(now.toString()),
                            ":claimed", string(LedgerEntry.Status.CLAIMED.name()), ":seen", number(seen.attempts()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markSent(MailJob job, String subscriberKey, String messageId, Instant now) {
        settle(job, subscriberKey, LedgerEntry.Status.SENT, "messageId", messageId, now);
    }

    @Override
    public void markRejected(MailJob job, String subscriberKey, String reason, Instant now) {
        settle(job, subscriberKey, LedgerEntry.Status.REJECTED, "reason", reason, now);
    }

    @Override
    public void markFailed(MailJob job, String subscriberKey, Instant now) {
        settle(job, subscriberKey, LedgerEntry.Status.FAILED, "reason", "too many interrupted attempts", now);
    }

    private void settle(MailJob job, String subscriberKey, LedgerEntry.Status status, String detailName,
                        String detail, Instant now) {
        dynamo.updateItem(r -> r.tableName(table).key(entryKey(job, subscriberKey))
                .updateExpression("SET #status = :status, #detail = :detail, settledAt = :now")
                .conditionExpression("attribute_exists(" + HandbillTable.PK + ")")
                .expressionAttributeNames(Map.of("#status", "status", "#detail", detailName))
                .expressionAttributeValues(Map.of(":status", string(status.name()), ":detail", string(detail),
                        ":now", string(now.toString()))));
    }

    @Override
    public void release(MailJob job, String subscriberKey) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(entryKey(job, subscriberKey))
                    .conditionExpression("#status = :claimed")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":claimed", string(LedgerEntry.Status.CLAIMED.name()))));
        } catch (ConditionalCheckFailedException e) {
            // settled meanwhile: keep it
        }
    }

    @Override
    public Optional<LedgerEntry> entry(MailJob job, String subscriberKey) {
        var item = dynamo.getItem(r -> r.tableName(table).key(entryKey(job, subscriberKey)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String detail = item.containsKey("messageId") ? item.get("messageId").s()
                : item.containsKey("reason") ? item.get("reason").s() : null;
        return Optional.of(new LedgerEntry(subscriberKey, LedgerEntry.Status.valueOf(item.get("status").s()),
                Integer.parseInt(item.get("attempts").n()), Instant.parse(item.get("claimedAt").s()), detail,
                // entries claimed before digests existed were each their own mail
                item.containsKey("mailing") ? item.get("mailing").s() : Mailing.key(job)));
    }

    private <T> Optional<T> readDocument(Map<String, AttributeValue> key, Class<T> type) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(documentIn(item, type));
    }

    private void putDocument(Map<String, AttributeValue> key, Object value) {
        var item = new HashMap<>(key);
        item.put(DOC, document(value));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> jobKey(MailJob job) {
        return key(JOBS, job.eventId() + "#" + job.kind());
    }

    private static Map<String, AttributeValue> entryKey(MailJob job, String subscriberKey) {
        return key("SENT#" + job.eventId() + "#" + job.kind(), subscriberKey);
    }
}
