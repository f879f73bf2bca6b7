package io.handbill.render;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

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
import java.util.stream.Stream;

/**
 * Puts site objects into the pages bucket, several at a time. Each object carries the hash of what it serves in its
 * metadata; {@link #writeChanged} reads that back (one HEAD) and skips objects whose bytes would not change. A whole
 * site is compared with one listing instead ({@link #storedBodies}, 1 call per 1,000 keys).
 */
public final class BucketWriter implements SiteBucket {
    /** {@code x-amz-meta-sha256}: hash of body and headers, see {@link SiteObject#sha256()}. */
    public static final String HASH = "sha256";
    /** {@code x-amz-meta-redirect-location}: on alias pages, the URL the local stack answers with a 301. */
    public static final String REDIRECT = "redirect-location";
    /**
     * As many requests at once as the url-connection client keeps connections alive ({@code http.maxConnections},
     * default 5): any more would open and close a connection per request.
     */
    private static final int PARALLEL = Integer.getInteger("http.maxConnections", 5);

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

    /** Requests this writer has in flight at most. */
    public static int parallelism() {
        return PARALLEL;
    }

    /** Compares hashes: one HEAD per object, a PUT only where the hash differs. */
    @Override
    public List<String> writeChanged(Collection<SiteObject> objects) {
        return inParallel(objects.stream(), o -> Objects.equals(storedHash(o.key()).orElse(null), o.sha256())
                ? List.of() : List.of(put(o)));
    }

    @Override
    public List<String> writeAll(Collection<SiteObject> objects) {
        return inParallel(objects.stream(), o -> List.of(put(o)));
    }

    /**
     * Every key in the bucket with the MD5 of its body in hex, as ListObjectsV2 gives it (the ETag of an object stored
     * with one PUT; an ETag of another kind matches no body, so its object is simply written again).
     */
    @Override
    public Map<String, String> storedBodies() {
        Map<String, String> bodies = new HashMap<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = s3.listObjectsV2(r -> r.bucket(bucket).continuationToken(continuation));
            for (S3Object o : page.contents()) {
                bodies.put(o.key(), o.eTag() == null ? "" : o.eTag().replace("\"", ""));
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return bodies;
    }

    /**
     * Renders each item and writes those of its objects whose body differs from the stored one ({@code storedBody}:
     * key to MD5 as {@link #storedBodies()} gives it, asked only once rendered), rendering as many items at once as
     * requests are in flight. Headers are not compared: they follow from the kind of object, so they change only with
     * a release, whose rebuild can write everything.
     */
    @Override
    public <T> List<String> renderAndWriteChanged(Collection<T> items, Function<T, List<SiteObject>> render,
                                                  Function<String, String> storedBody) {
        return inParallel(items.stream(), item -> render.apply(item).stream()
                .filter(o -> !o.md5().equals(storedBody.apply(o.key()))).map(this::put).toList());
    }

    @Override
    public boolean deleteIfPresent(String key) {
        if (head(key).isEmpty()) {
            return false;
        }
        delete(key);
        return true;
    }

    /** A redirect page is one with {@link #REDIRECT} in its metadata: a page, feed or asset never is. */
    @Override
    public boolean deleteRedirect(String key) {
        Optional<HeadObjectResponse> head = head(key);
        if (head.isEmpty() || !head.get().metadata().containsKey(REDIRECT)) {
            return false;
        }
        s3.deleteObject(r -> r.bucket(bucket).key(key));
        return true;
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(r -> r.bucket(bucket).key(key));
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

    private <T> List<String> inParallel(Stream<T> items, Function<T, List<String>> write) {
        List<CompletableFuture<List<String>>> writes = items
                .map(item -> CompletableFuture.supplyAsync(() -> write.apply(item), pool)).toList();
        try {
            return writes.stream().flatMap(w -> w.join().stream()).toList();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
