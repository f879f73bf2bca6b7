package io.handbill.render;

import java.util.Collection;
import java.util.List;

/** Where the site's objects are served from: the pages bucket ({@link BucketWriter}). */
public interface SiteBucket {

    /** Writes the objects whose stored bytes differ from theirs (or that do not exist); returns the keys written. */
    List<String> writeChanged(Collection<SiteObject> objects);

    /** Writes every object, whatever is stored: for a full rebuild. */
    List<String> writeAll(Collection<SiteObject> objects);

    /** Deletes the object if it exists; returns whether it did. */
    boolean deleteIfPresent(String key);
}
