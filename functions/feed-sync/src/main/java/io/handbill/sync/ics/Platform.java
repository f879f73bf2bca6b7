package io.handbill.sync.ics;

import java.net.URI;
import java.util.Locale;

/** The event platform a link belongs to, for the ticket label ("on Meetup") and the cancel reason. */
enum Platform {
    MEETUP("Meetup"), LUMA("Luma"), EVENTBRITE("Eventbrite"), OTHER(null);

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    static Platform of(String url) {
        String host = host(url);
        if (host.equals("meetup.com") || host.endsWith(".meetup.com")) {
            return MEETUP;
        }
        if (host.equals("lu.ma") || host.equals("luma.com") || host.endsWith(".lu.ma") || host.endsWith(".luma.com")) {
            return LUMA;
        }
        if (host.matches("(.+\\.)?eventbrite\\.[a-z.]+")) {
            return EVENTBRITE;
        }
        return OTHER;
    }

    /** "on Meetup", or "on example.org" for a site that is not one of the platforms. */
    String ticketLabel(String url) {
        return "on " + (label != null ? label : host(url).replaceFirst("^www\\.", ""));
    }

    String cancelReason() {
        return label != null ? "Cancelled on " + label : "Cancelled in the source calendar";
    }

    private static String host(String url) {
        try {
            String host = url == null ? null : URI.create(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
