package io.handbill.local;

import java.nio.file.Path;

/**
 * The command line: {@code --port N} (default 8080; 0 picks a free port), {@code --data DIR} (keep events, pages
 * and mail there across restarts; default: a temporary directory removed on exit), {@code --admin-token T}
 * (default: random, printed, and kept in the data directory), {@code --empty} (start without the sample events).
 */
public record LocalOptions(int port, Path dataDir, String adminToken, boolean samples) {
    public static final int DEFAULT_PORT = 8080;
    static final String USAGE = """
            Usage: java -jar infrastructure/target/handbill-local.jar [--port N] [--data DIR] [--admin-token T] [--empty]
              --port N          port on localhost to serve on (default 8080; 0 picks a free one)
              --data DIR        keep events, pages and sent mail in DIR across restarts (default: temporary)
              --admin-token T   token the admin form and API calls use (default: random, kept in --data)
              --empty           start without the seed event and the upcoming sample event
            """;

    public static LocalOptions parse(String... args) {
        int port = DEFAULT_PORT;
        Path dataDir = null;
        String adminToken = null;
        boolean samples = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (name.equals("--empty")) {
                samples = false;
                continue;
            }
            if (!name.equals("--port") && !name.equals("--data") && !name.equals("--admin-token")) {
                throw new IllegalArgumentException("Unknown option " + name + "\n" + USAGE);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
                }
                value = args[++i];
            }
            switch (name) {
                case "--port" -> port = port(value);
                case "--data" -> dataDir = Path.of(value).toAbsolutePath();
                default -> adminToken = token(value);
            }
        }
        return new LocalOptions(port, dataDir, adminToken, samples);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number from 0 to 65535, not " + value);
        }
    }

    private static String token(String value) {
        if (value.isBlank() || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("--admin-token must be printable ASCII without spaces");
        }
        return value;
    }
}
