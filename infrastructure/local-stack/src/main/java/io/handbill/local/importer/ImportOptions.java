package io.handbill.local.importer;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The import command's arguments.
 *
 * @param api   the event-api, or {@code null} to use the running local stack's
 * @param token bearer token, or {@code null} to use {@code HANDBILL_TOKEN} or the local stack's own
 * @param feeds iCalendar files or URLs ({@code --ics})
 * @param from  first day recurring feed events are expanded from, or {@code null} (a year ago)
 * @param to    last day, or {@code null} (a year ahead)
 */
record ImportOptions(boolean help, boolean dryRun, boolean overwrite, ZoneId zone, URI api, String token,
                     List<Path> paths, List<String> feeds, LocalDate from, LocalDate to) {
    static final String USAGE = """
            Usage: java -cp infrastructure/target/handbill-local.jar \\
                     io.handbill.local.importer.ImportCommand [options] [PATH...] [--ics FILE|URL]...
            Imports Hugo event posts (one file, or every post under a content/ directory) and iCalendar feeds
            (Meetup, Luma, Eventbrite, any calendar) through the event-api. Importing again is safe: an event is
            found by its source (UID, or a post's slug and old links), fields the source changed are updated, and
            fields an organiser edited in Handbill are kept.
              --dry-run        print what the import would do (create / update which fields / unchanged); change nothing
              --overwrite      let the source overwrite fields an organiser edited in Handbill
              --ics FILE|URL   an iCalendar feed or file (repeatable); webcal:// works too
              --from DATE      recurring feed events are imported from this day (default: a year ago)
              --to DATE        ... up to this day (default: a year ahead)
              --zone ZONE      IANA time zone of times that name none (default Europe/London)
              --api URL        event-api base URL (default: the running local stack, found through
                               ~/.handbill/local-stack.json, else http://localhost:8080/api)
              --token TOKEN    bearer token (default: $HANDBILL_TOKEN, else the local stack's admin token)
              --help           print this and exit
            """;

    static ImportOptions parse(String... args) {
        boolean dryRun = false;
        boolean overwrite = false;
        ZoneId zone = ZoneId.of("Europe/London");
        URI api = null;
        String token = null;
        LocalDate from = null;
        LocalDate to = null;
        List<Path> paths = new ArrayList<>();
        List<String> feeds = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    return new ImportOptions(true, false, false, zone, null, null, List.of(), List.of(), null, null);
                }
                case "--dry-run" -> dryRun = true;
                case "--overwrite" -> overwrite = true;
                case "--zone" -> zone = zone(value(args, ++i, arg));
                case "--api" -> api = api(value(args, ++i, arg));
                case "--token" -> token = value(args, ++i, arg);
                case "--ics" -> feeds.add(value(args, ++i, arg));
                case "--from" -> from = day(value(args, ++i, arg), arg);
                case "--to" -> to = day(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    paths.add(Path.of(arg));
                }
            }
        }
        if (paths.isEmpty() && feeds.isEmpty()) {
            throw new IllegalArgumentException("give a post file, a content/ directory or --ics FEED to import");
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("--to must be after --from");
        }
        return new ImportOptions(false, dryRun, overwrite, zone, api, token, List.copyOf(paths), List.copyOf(feeds),
                from, to);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone " + value + " is not an IANA time zone such as Europe/London");
        }
    }

    private static LocalDate day(String value, String option) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + " " + value + " is not a date such as 2027-01-31");
        }
    }

    private static URI api(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--api needs an http(s) URL such as http://localhost:8080/api");
        }
        return uri;
    }
}
