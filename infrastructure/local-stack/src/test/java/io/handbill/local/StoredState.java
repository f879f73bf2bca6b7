package io.handbill.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the functions store, as one digest: every item of the table (every attribute, in a fixed order) and
 * every object of the bucket (key, ETag, size). Two equal digests mean nothing was written, deleted or changed.
 */
record StoredState(DynamoDbClient dynamoDb, String table, S3Client s3, String bucket) {

    /** What the digest covers, counted; for the run's report. */
    record Digest(String sha256, int items, int objects) {
    }

    Digest digest() {
        List<String> lines = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(r -> r.tableName(table).consistentRead(true))
                .items()) {
            lines.add("item " + new TreeMap<>(item));
        }
        int items = lines.size();
        for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket)).contents()) {
            lines.add("object " + object.key() + " " + object.eTag() + " " + object.size());
        }
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            lines.forEach(line -> sha.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return new Digest(java.util.HexFormat.of().formatHex(sha.digest()), items, lines.size() - items);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
