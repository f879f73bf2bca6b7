package io.handbill.render;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Puts site objects into the pages bucket, several at a time. Each object carries the hash of what it serves in its
 * metadata; {@link #writeChanged} reads that back (one HEAD) and skips objects whose bytes would not change.
 */
public final class BucketWriter implements SiteBucket {
    /** {@code x-amz-meta-sha256}: hash of body and headers, see {@link SiteObject#sha256()}. */
    public static final String HASH = "sha256";
    /** {@code x-amz-meta-redirect-location}: on alias pages, the URL the local stack answers with a 301. */
    public static final String REDIRECT = "redirect-location";
    private static final int PARALLEL = 8;

    private final S3Client s3;
    private final String bucket;
    private final ExecutorService pool;

    public BucketWriter(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
        this.pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread thread = new Thread(r, "bucket-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Compares hashes: one HEAD per object, a PUT only where the hash differs. */
    @Override
    public List<String> writeChanged(Collection<SiteObject> objects) {
        return inParallel(objects, o -> Objects.equals(storedHash(o.key()).orElse(null), o.sha256()) ? null : put(o));
    }

    @Override
    public List<String> writeAll(Collection<SiteObject> objects) {
        return inParallel(objects, this::put);
    }

    @Override
    public boolean deleteIfPresent(String key) {
        if (head(key).isEmpty()) {
            return false;
        }
        s3.deleteObject(r -> r.bucket(bucket).key(key));
        return true;
    }

    Optional<String> storedHash(String key) {
        return head(key).map(h -> h.metadata().get(HASH));
    }

    private Optional<HeadObjectResponse> head(String key) {
        try {
            return Optional.of(s3.headObject(r -> r.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String put(SiteObject o) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(HASH, o.sha256());
        if (o.redirectTo() != null) {
            metadata.put(REDIRECT, o.redirectTo());
        }
        s3.putObject(r -> r.bucket(bucket).key(o.key()).contentType(o.contentType()).cacheControl(o.cacheControl())
                .metadata(metadata), RequestBody.fromBytes(o.body()));
        return o.key();
    }

    private List<String> inParallel(Collection<SiteObject> objects, Function<SiteObject, String> write) {
        List<CompletableFuture<String>> writes = objects.stream()
                .map(o -> CompletableFuture.supplyAsync(() -> write.apply(o), pool)).toList();
        try {
            return writes.stream().map(CompletableFuture::join).filter(Objects::nonNull).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
