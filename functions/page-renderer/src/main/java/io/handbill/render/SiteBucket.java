package io.handbill.render;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Where the site's objects are served from: the pages bucket ({@link BucketWriter}). */
public interface SiteBucket {

    /** Writes the objects whose stored bytes differ from theirs (or that do not exist); returns the keys written. */
    List<String> writeChanged(Collection<SiteObject> objects);

    /** Writes every object, whatever is stored: for objects known to have changed. */
    List<String> writeAll(Collection<SiteObject> objects);

    /** Every stored key with the MD5 (hex) of its body, for a whole site to be compared at once. */
    Map<String, String> storedBodies();

    /**
     * Renders each item and writes those of its objects whose body's MD5 differs from {@code storedBody} (key to MD5,
     * as {@link #storedBodies()} gives it); returns the keys written.
     */
    <T> List<String> renderAndWriteChanged(Collection<T> items, Function<T, List<SiteObject>> render,
                                           Function<String, String> storedBody);

    /** Deletes the object if it exists; returns whether it did. */
    boolean deleteIfPresent(String key);

    /** Deletes the object if it is an alias's redirect page; returns whether it did. Never touches anything else. */
    boolean deleteRedirect(String key);

    /** Deletes the object; nothing happens if there is none. */
    void delete(String key);
}
