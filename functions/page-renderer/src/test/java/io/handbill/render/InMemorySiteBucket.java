package io.handbill.render;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A fast fake of the pages bucket: keeps each object as written and, like {@link BucketWriter}, skips objects whose
 * hash is unchanged. The real writer runs against S3Proxy.
 */
final class InMemorySiteBucket implements SiteBucket {
    private final Map<String, SiteObject> objects = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    @Override
    public List<String> writeChanged(Collection<SiteObject> toWrite) {
        List<String> written = new ArrayList<>();
        for (SiteObject o : toWrite) {
            SiteObject stored = objects.get(o.key());
            if (stored == null || !stored.sha256().equals(o.sha256())) {
                written.addAll(put(o));
            }
        }
        return written;
    }

    @Override
    public List<String> writeAll(Collection<SiteObject> toWrite) {
        List<String> written = new ArrayList<>();
        toWrite.forEach(o -> written.addAll(put(o)));
        return written;
    }

    @Override
    public Map<String, String> storedBodies() {
        Map<String, String> bodies = new HashMap<>();
        objects.forEach((key, o) -> bodies.put(key, o.md5()));
        return bodies;
    }

    @Override
    public <T> List<String> renderAndWriteChanged(Collection<T> items, Function<T, List<SiteObject>> render,
                                                  Function<String, String> storedBody) {
        List<String> written = new ArrayList<>();
        for (T item : items) {
            render.apply(item).stream().filter(o -> !o.md5().equals(storedBody.apply(o.key())))
                    .forEach(o -> written.addAll(put(o)));
        }
        return written;
    }

    @Override
    public boolean deleteIfPresent(String key) {
        return objects.remove(key) != null;
    }

    @Override
    public boolean deleteRedirect(String key) {
        SiteObject stored = objects.get(key);
        return stored != null && stored.redirectTo() != null && objects.remove(key, stored);
    }

    @Override
    public void delete(String key) {
        objects.remove(key);
    }

    Optional<SiteObject> get(String key) {
        return Optional.ofNullable(objects.get(key));
    }

    Set<String> keys() {
        return Set.copyOf(objects.keySet());
    }

    /** Makes every later write of {@code key} fail, as S3 might. */
    void failWritesOf(String key) {
        failing.add(key);
    }

    private List<String> put(SiteObject o) {
        if (failing.contains(o.key())) {
            throw new IllegalStateException("Simulated S3 failure writing " + o.key());
        }
        objects.put(o.key(), o);
        return List.of(o.key());
    }
}
