package io.handbill.local.importer;

import io.handbill.aws.Env;
import io.handbill.imports.EventsApi;
import io.handbill.imports.EventsApiException;
import io.handbill.imports.ImportPlan;
import io.handbill.imports.ImportPlanner;
import io.handbill.imports.ImportedEvent;
import io.handbill.imports.PlannedImport;
import io.handbill.local.importer.post.EventPostParser;
import io.handbill.local.importer.post.HugoPostReader;
import io.handbill.local.importer.post.MalformedPostException;
import io.handbill.local.importer.post.NotAnEventException;
import io.handbill.local.importer.post.ParsedPost;
import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.sync.ics.FeedSource;
import io.handbill.sync.ics.IcsImport;
import io.handbill.sync.ics.NotICalendarException;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.FieldError;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Imports Hugo (or Tumblr-exported) event posts and iCalendar feeds into Handbill through the event-api. It first
 * works out the whole plan against the events there are ({@link ImportPlanner}); a dry run prints it, a real run
 * carries out the very same plan, printing each step the same way. A malformed post is reported with its line and
 * imports nothing, and the rest go on; a feed that is not iCalendar stops the run before anything changes.
 * Exit status: 0 all imported or skipped, 1 some failed, 2 bad arguments or no API.
 */
public final class ImportCommand {
    private static final List<String> POST_EXTENSIONS = List.of(".md", ".markdown", ".html", ".htm");

    private final ImportOptions options;
    private final EventsApi api;
    private final FeedSource feedSource;
    private final PrintStream out;
    private final PrintStream err;
    private final Tally tally = new Tally();

    private ImportCommand(ImportOptions options, EventsApi api, FeedSource feedSource, PrintStream out,
                          PrintStream err) {
        this.options = options;
        this.api = api;
        this.feedSource = feedSource;
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
        if (options.help()) {
            out.print(ImportOptions.USAGE);
            return 0;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        ApiConnection connection = ApiConnection.resolve(options, env, http);
        if (connection.problem() != null) {
            err.println("error: " + connection.problem());
            return 2;
        }
        return new ImportCommand(options, new HttpEventsApi(http, connection.api(), connection.token()),
                new FeedSource(http), out, err).importAll(connection);
    }

    private int importAll(ApiConnection connection) {
        List<Path> files;
        try {
            files = postFiles(options.paths());
        } catch (IOException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<ImportedEvent> incoming = new ArrayList<>(posts(files));
        List<IcsImport.Feed> feeds = new ArrayList<>();
        for (String location : options.feeds()) {
            try {
                IcsImport.Feed feed = IcsImport.read(feedSource.read(location), location, window());
                feed.warnings().forEach(w -> out.println(w.describe(location)));
                feed.events().stream().filter(this::valid).forEach(incoming::add);
                tally.feedEvents += feed.events().size();
                feeds.add(feed);
            } catch (NotICalendarException e) {
                err.println("error: " + location + ": " + e.getMessage() + "; nothing imported");
                return 1;
            } catch (IOException | UncheckedIOException e) {
                err.println("error: " + location + ": cannot read: " + e.getMessage() + "; nothing imported");
                return 1;
            }
        }
        ImportPlan plan;
        try {
            plan = ImportPlanner.plan(incoming, api.listAll(), options.overwrite(),
                    event -> feeds.stream().anyMatch(f -> f.accountsFor(event)));
        } catch (EventsApiException e) {
            fail("error: " + e.getMessage(), e.errors());
            err.println("error: stopping: the event-api at " + connection.api() + " cannot be used");
            return 1;
        }
        for (PlannedImport item : plan.items()) {
            if (!carryOut(item, connection)) {
                break;
            }
        }
        for (Event gone : plan.vanished()) {
            out.println(gone.imported().sourceUid() + ": no longer in the feed: \"" + gone.title() + "\" as "
                    + gone.slug() + " (" + status(gone.status()) + ", id " + gone.id() + ") left as it is");
        }
        out.println(tally.summary(files.size(), feeds.size(), plan.vanished().size(), options.dryRun()));
        return tally.failed == 0 ? 0 : 1;
    }

    /** @return false when the API cannot be used any more */
    private boolean carryOut(PlannedImport item, ApiConnection connection) {
        if (item.write() != null) {
            List<FieldError> invalid = EventDraftValidator.validate(item.write());
            if (!invalid.isEmpty()) {
                fail(item.incoming().origin() + ": error: the event with what an organiser edited kept is not "
                        + "valid, nothing imported (--overwrite takes the source's fields):", invalid);
                return true;
            }
        }
        if (options.dryRun()) {
            out.println(describe(item, null));
            tally.count(item.action());
            return true;
        }
        try {
            Event after = ImportPlan.apply(item, api);
            out.println(describe(item, after));
            tally.count(item.action());
            return true;
        } catch (EventsApiException e) {
            fail(item.incoming().origin() + ": error: " + e.getMessage(), e.errors());
            if (e.stopsTheImport()) {
                err.println("error: stopping: the event-api at " + connection.api() + " cannot be used");
                return false;
            }
            return true;
        }
    }

    /** One line per event, the same for the dry run (before: {@code after} is null) and the real run. */
    private String describe(PlannedImport item, Event after) {
        boolean dry = after == null;
        String verb = switch (item.action()) {
            case CREATE -> dry ? "would create" : "created";
            case UPDATE -> dry ? "would update" : "updated";
            case UNCHANGED -> "unchanged";
        };
        EventStatus status = after != null ? after.status() : item.cancel() ? EventStatus.CANCELLED
                : item.publish() ? EventStatus.PUBLISHED : item.current() != null ? item.current().status()
                : EventStatus.DRAFT;
        String id = after != null ? after.id() : item.current() != null ? item.current().id() : null;
        var line = new StringBuilder(item.incoming().origin()).append(": ").append(verb).append(" \"")
                .append(after != null ? after.title() : item.title()).append("\" as ").append(item.slug())
                .append(" (").append(status(status)).append(id == null ? "" : ", id " + id).append(")");
        if (item.action() == PlannedImport.Action.UPDATE) {
            var steps = new ArrayList<>(item.changed());
            if (item.publish()) {
                steps.add("publish");
            }
            if (item.cancel()) {
                steps.add("cancel");
            }
            line.append(": ").append(String.join(", ", steps));
        }
        if (!item.kept().isEmpty()) {
            line.append("; ").append(dry ? "would keep" : "kept").append(" what an organiser edited: ")
                    .append(String.join(", ", item.kept()));
        }
        item.notes().forEach(note -> line.append("; ").append(note));
        return line.toString();
    }

    private List<ImportedEvent> posts(List<Path> files) {
        HugoPostReader reader = new HugoPostReader();
        EventPostParser parser = new EventPostParser(options.zone());
        List<ImportedEvent> posts = new ArrayList<>();
        for (Path file : files) {
            try {
                ParsedPost post = parser.parse(reader.read(file));
                post.warnings().forEach(w -> out.println(post.file() + ":" + w.line() + ": warning: " + w.message()));
                List<FieldError> invalid = EventDraftValidator.validate(post.draft());
                if (!invalid.isEmpty()) {
                    fail(file + ": error: the event read from this post is not valid, nothing imported:", invalid);
                    continue;
                }
                posts.add(new ImportedEvent(file.toString(), post.draft(), "hugo:" + post.draft().slug(),
                        post.publish() ? EventStatus.PUBLISHED : EventStatus.DRAFT, null, true));
            } catch (MalformedPostException e) {
                fail(e.getMessage().replaceFirst(":(\\d+): ", ":$1: error: ") + " (nothing imported)", List.of());
            } catch (NotAnEventException e) {
                out.println(e.getMessage().replaceFirst(": ", ": skipped: "));
                tally.skipped++;
            } catch (IOException e) {
                fail(file + ": error: cannot read: " + e.getMessage(), List.of());
            }
        }
        return posts;
    }

    private boolean valid(ImportedEvent event) {
        List<FieldError> invalid = EventDraftValidator.validate(event.draft());
        if (!invalid.isEmpty()) {
            fail(event.origin() + ": error: UID " + event.sourceUid() + ": the event read from this VEVENT is not "
                    + "valid, nothing imported:", invalid);
        }
        return invalid.isEmpty();
    }

    private IcsImport.Options window() {
        IcsImport.Options around = IcsImport.Options.around(Clock.systemUTC(), options.zone());
        Instant from = options.from() != null ? options.from().atStartOfDay(options.zone()).toInstant() : around.from();
        Instant to = options.to() != null ? options.to().plusDays(1).atStartOfDay(options.zone()).toInstant()
                : around.to();
        return new IcsImport.Options(options.zone(), from, to);
    }

    private static String status(EventStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
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
        int feedEvents;

        void count(PlannedImport.Action action) {
            switch (action) {
                case CREATE -> created++;
                case UPDATE -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }

        String summary(int files, int feeds, int vanished, boolean dryRun) {
            var sources = new ArrayList<String>();
            if (files > 0 || feeds == 0) {
                sources.add(files + (files == 1 ? " file" : " files"));
            }
            if (feeds > 0) {
                sources.add(feeds + (feeds == 1 ? " feed" : " feeds") + " (" + feedEvents + " events)");
            }
            String would = dryRun ? " would be" : "";
            return String.join(" and ", sources) + ": " + created + would + " created, " + updated + would
                    + " updated, " + unchanged + " unchanged, " + skipped + " skipped, " + failed + " failed"
                    + (vanished > 0 ? ", " + vanished + " no longer in the feed" : "");
        }
    }
}
