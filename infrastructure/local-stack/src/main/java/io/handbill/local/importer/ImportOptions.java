package io.handbill.local.importer;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The import command's arguments.
 *
 * @param token bearer token, or {@code null} to use {@code HANDBILL_TOKEN} or ask the local stack for its own
 */
record ImportOptions(boolean dryRun, ZoneId zone, URI api, String token, List<Path> paths) {
    static final URI LOCAL_API = URI.create("http://localhost:8080/api");
    static final String USAGE = """
            Usage: java -cp infrastructure/target/handbill-local.jar \\
                     io.handbill.local.importer.ImportCommand [options] PATH...
            Imports Hugo event posts (one file, or every post under a content/ directory) through the event-api.
            Importing again is safe: a post's event is found by its slug or old links and updated only if changed.
              --dry-run        print the events that would be imported and every warning; change nothing
              --zone ZONE      IANA time zone of the events' times (default Europe/London)
              --api URL        event-api base URL (default http://localhost:8080/api, the local stack)
              --token TOKEN    bearer token (default: $HANDBILL_TOKEN, else the local stack's admin token)
            """;

    static ImportOptions parse(String... args) {
        boolean dryRun = false;
        ZoneId zone = ZoneId.of("Europe/London");
        URI api = LOCAL_API;
        String token = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--dry-run" -> dryRun = true;
                case "--zone" -> zone = zone(value(args, ++i, arg));
                case "--api" -> api = api(value(args, ++i, arg));
                case "--token" -> token = value(args, ++i, arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    paths.add(Path.of(arg));
                }
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("give a post file or a content/ directory to import");
        }
        return new ImportOptions(dryRun, zone, api, token, List.copyOf(paths));
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

    private static URI api(String value) {
        URI uri = URI.create(value);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--api needs an http(s) URL such as http://localhost:8080/api");
        }
        return uri;
    }
}
