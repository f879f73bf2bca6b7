package io.handbill.local;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.handbill.store.HandbillTable.PK;
import static io.handbill.store.HandbillTable.SK;

/**
 * The local stand-in for DynamoDB Streams (dynalite has no Streams API): on the stack's DynamoDB client, passes on
 * the key of every write that succeeded against the table. A failed conditional write reaches
 * {@code onExecutionFailure}, not here, so — as in a real stream — only changes that happened are seen.
 */
final class StreamRecorder implements ExecutionInterceptor {
    private final String table;
    private final Consumer<StreamChange> changes;

    StreamRecorder(String table, Consumer<StreamChange> changes) {
        this.table = table;
        this.changes = changes;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Object request = context.request();
        if (request instanceof PutItemRequest put && table.equals(put.tableName())) {
            record(StreamChange.Kind.INSERT, put.item());
        } else if (request instanceof UpdateItemRequest update && table.equals(update.tableName())) {
            record(StreamChange.Kind.MODIFY, update.key());
        } else if (request instanceof DeleteItemRequest delete && table.equals(delete.tableName())) {
            record(StreamChange.Kind.REMOVE, delete.key());
        } else if (request instanceof BatchWriteItemRequest batch
                && context.response() instanceof BatchWriteItemResponse response) {
            List<WriteRequest> unprocessed = response.unprocessedItems().getOrDefault(table, List.of());
            for (WriteRequest write : batch.requestItems().getOrDefault(table, List.of())) {
                if (unprocessed.contains(write)) {
                    continue;
                }
                if (write.putRequest() != null) {
                    record(StreamChange.Kind.INSERT, write.putRequest().item());
                } else if (write.deleteRequest() != null) {
                    record(StreamChange.Kind.REMOVE, write.deleteRequest().key());
                }
            }
        }
    }

    private void record(StreamChange.Kind kind, Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(PK);
        AttributeValue sk = item.get(SK);
        if (pk != null && sk != null) {
            changes.accept(new StreamChange(kind, pk.s(), sk.s()));
        }
    }
}
