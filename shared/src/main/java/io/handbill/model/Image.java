package io.handbill.model;

import java.util.regex.Pattern;

/**
 * A picture shown with an event (its cover).
 *
 * @param url an absolute http(s) link, or the site path of an image uploaded to the bucket ({@link #UPLOAD}, e.g.
 *            {@code /media/3f2a….jpg}), from which the renderer makes resized copies
 * @param alt what the picture shows, for people who cannot see it; {@code null} when it only decorates
 */
public record Image(String url, String alt) {
    /** Site paths of uploads: named by the API, never by the organiser, so nothing else can be passed off as one. */
    public static final Pattern UPLOAD = Pattern.compile("/media/[0-9a-f]{32}\\.(jpg|png)");

    /** Whether the picture is an upload in the site's bucket (else an outside link). */
    public boolean uploaded() {
        return url != null && UPLOAD.matcher(url).matches();
    }
}
