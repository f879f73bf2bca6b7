package io.handbill.render;

import java.util.function.Function;

/**
 * An object made from other bytes, written only when its key is missing from the bucket: its key names everything it
 * is made from (a hash of a card's text, an upload's own name), so an object that exists is right, and making it
 * again (drawing, decoding and scaling a picture) is skipped.
 *
 * @param key    bucket key
 * @param source bucket key of the bytes it is made from, or {@code null} when it is made from nothing stored
 * @param make   the object, from the source's bytes ({@code null} without a source)
 */
record DerivedObject(String key, String source, Function<byte[], SiteObject> make) {
}
