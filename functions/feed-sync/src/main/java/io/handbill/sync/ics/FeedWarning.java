package io.handbill.sync.ics;

/**
 * Something in a feed the import did not take as it stands.
 *
 * @param uid  the VEVENT's UID (with its occurrence for a recurring event), or {@code null} for the whole feed
 * @param line the physical line of the file the warning is about (1-based)
 */
public record FeedWarning(String uid, int line, String message) {
    /** {@code feed.ics:12: warning: UID event_1@meetup.com: message} */
    public String describe(String origin) {
        return origin + ":" + line + ": warning: " + (uid == null ? "" : "UID " + uid + ": ") + message;
    }
}
