package io.handbill.local.importer;

import io.handbill.aws.Env;
import io.handbill.json.Json;
import io.handbill.local.importer.post.EventPostParser;
import io.handbill.local.importer.post.HugoPostReader;
import io.handbill.local.importer.post.MalformedPostException;
import io.handbill.local.importer.post.NotAnEventException;
import io.handbill.local.importer.post.ParsedPost;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.FieldError;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Imports Hugo (or Tumblr-exported) event posts into Handbill through the event-api: one file, or every post under a
 * directory. Each file is reported with its warnings; a malformed file is reported with its line and imports
 * nothing, and the rest go on. Exit status: 0 all imported or skipped, 1 some failed, 2 bad arguments or no API.
 */
public final class ImportCommand {
    private static final List<String> POST_EXTENSIONS = List.of(".md", ".markdown", ".html", ".htm");

    private final ImportOptions options;
    private final EventsApi api;
    private final PrintStream out;
    private final PrintStream err;
    private final Tally tally = new Tally();

    private ImportCommand(ImportOptions options, EventsApi api, PrintStream out, PrintStream err) {
        this.options = options;
        this.api = api;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, Env.processVariables()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(ImportOptions.USAGE);
            return 2;
        }
        EventsApi api = null;
        if (!options.dryRun()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String token = options.token() != null ? options.token() : env.get("HANDBILL_TOKEN");
            if (token == null) {
                token = LocalStackToken.ask(http, options.api()).orElse(null);
            }
            if (token == null) {
                err.println("error: no token for " + options.api() + ": give --token or set HANDBILL_TOKEN (is the "
                        + "local stack running?)");
                return 2;
            }
            api = new HttpEventsApi(http, options.api(), token);
        }
        return new ImportCommand(options, api, out, err).importAll();
    }

    private int importAll() {
        List<Path> files;
        try {
            files = postFiles(options.paths());
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        HugoPostReader reader = new HugoPostReader();
        EventPostParser parser = new EventPostParser(options.zone());
        PostImporter importer = api == null ? null : new PostImporter(api);
        for (Path file : files) {
            try {
                ParsedPost post = parser.parse(reader.read(file));
                List<FieldError> invalid = EventDraftValidator.validate(post.draft());
                if (!invalid.isEmpty()) {
                    fail(file + ": error: the event read from this post is not valid, nothing imported:", invalid);
                    printWarnings(post);
                } else if (importer == null) {
                    dryRun(post);
                } else {
                    imported(post, importer.importPost(post));
                }
            } catch (MalformedPostException e) {
                fail(e.getMessage().replaceFirst(":(\\d+): ", ":$1: error: ") + " (nothing imported)", List.of());
            } catch (NotAnEventException e) {
                out.println(e.getMessage().replaceFirst(": ", ": skipped: "));
                tally.skipped++;
            } catch (EventsApiException e) {
                fail(file + ": error: " + e.getMessage(), e.errors());
                if (e.status() == 0 || e.status() == 401 || e.status() == 403) {
                    err.println("error: stopping: the event-api at " + options.api() + " cannot be used");
                    break;
                }
            } catch (IOException e) {
                fail(file + ": error: cannot read: " + e.getMessage(), List.of());
            }
        }
        out.println(tally.summary(files.size(), options.dryRun()));
        return tally.failed == 0 ? 0 : 1;
    }

    private void dryRun(ParsedPost post) {
        out.println(post.file() + ": would import \"" + post.draft().title() + "\" as " + post.draft().slug()
                + (post.publish() ? " (published)" : " (draft)"));
        try {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(post.draft()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        printWarnings(post);
        tally.created++;
    }

    private void imported(ParsedPost post, PostImporter.Result result) {
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        out.println(post.file() + ": " + outcome + " \"" + result.event().title() + "\" as " + result.event().slug()
                + " (" + result.event().status().name().toLowerCase(Locale.ROOT) + ", id " + result.event().id() + ")");
        printWarnings(post);
        switch (result.outcome()) {
            case CREATED -> tally.created++;
            case UPDATED -> tally.updated++;
            case UNCHANGED -> tally.unchanged++;
        }
    }

    private void printWarnings(ParsedPost post) {
        post.warnings().forEach(w -> out.println(post.file() + ":" + w.line() + ": warning: " + w.message()));
    }

    private void fail(String message, List<FieldError> errors) {
        err.println(message);
        errors.forEach(e -> err.println("  " + e.field() + ": " + e.message() + " (" + e.code() + ")"));
        tally.failed++;
    }

    /** Post files under each path, in path order; Hugo's {@code _index} list pages are not posts. */
    static List<Path> postFiles(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(ImportCommand::isPost).sorted().forEach(files::add);
                }
            } else {
                throw new IOException(path + ": no such file or directory");
            }
        }
        return files;
    }

    private static boolean isPost(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith("_") && !name.startsWith(".") && POST_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static final class Tally {
        int created;
        int updated;
        int unchanged;
        int skipped;
        int failed;

        String summary(int files, boolean dryRun) {
            return files + (files == 1 ? " file: " : " files: ") + (dryRun ? created + " would be imported, "
                    : created + " created, " + updated + " updated, " + unchanged + " unchanged, ")
                    + skipped + " skipped, " + failed + " failed";
        }
    }
}
