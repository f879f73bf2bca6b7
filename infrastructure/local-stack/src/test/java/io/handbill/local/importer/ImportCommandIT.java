package io.handbill.local.importer;

import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.local.LocalStackFile;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.model.Venue;
import io.handbill.store.EventListing;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Imports through HTTP into the real event-api handler, which stores in dynalite. */
@ExtendWith(LocalAwsExtension.class)
class ImportCommandIT {
    private static final String TOKEN = "importer-it-token";
    private static final Path CONTENT = ImportCommandTest.CONTENT;
    private static final Path SEED_POST = CONTENT.resolve("post/2017-09-26-leeds-devops-meetup.md");
    private static final String SEED_SLUG = "2017-09-26-leeds-devops-meetup";

    private final LocalAws aws;
    private EventApiOverHttp api;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    ImportCommandIT(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void startApi() throws IOException {
        api = EventApiOverHttp.start(aws, Clock.systemUTC(), TOKEN);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void directoryWithOneBadPost_importsTheGoodOnes_andReportsTheBadOneWithItsLine() throws Exception {
        int status = importPaths(CONTENT);

        assertThat(status).isEqualTo(1);
        assertThat(printed()).contains(SEED_POST + ": created \"Meetup - Tuesday 26th September 2017 at The ODI "
                        + "Node in Leeds\" as " + SEED_SLUG + " (published, id ")
                .contains("2018-03-03-terraform-workshop/index.md: created \"Terraform workshop, Saturday 3rd March "
                        + "2018\" as 2018-03-03-terraform-workshop (draft, id ")
                .contains("about.md: skipped: no event date")
                .endsWith("5 files: 3 created, 0 updated, 0 unchanged, 1 skipped, 1 failed" + System.lineSeparator());
        assertThat(errors()).startsWith(CONTENT.resolve("post/2018-04-10-broken.md") + ":5: error: front matter:");

        assertThat(stored()).extracting(Event::slug, Event::status).containsExactlyInAnyOrder(
                tuple(SEED_SLUG, EventStatus.PUBLISHED),
                tuple("2017-12-14-christmas-social", EventStatus.PUBLISHED),
                tuple("2018-03-03-terraform-workshop", EventStatus.DRAFT));
        EventDraft expected = Json.read(Fixtures.readText("/importer/seed-expected.json"), EventDraft.class);
        assertThat(aws.eventStore().findBySlug(SEED_SLUG).orElseThrow().draft().withImported(null)).isEqualTo(expected);
        assertThat(stored()).flatMap(Event::aliases)
                .doesNotContain("/post/172000000000/meetup-tuesday-10th-april-2018");
    }

    @Test
    void importingAgain_changesNothing() throws Exception {
        importPaths(CONTENT);
        List<Event> first = stored();

        int status = importPaths(CONTENT);

        assertThat(status).isEqualTo(1);
        assertThat(printed()).endsWith("5 files: 0 created, 0 updated, 3 unchanged, 1 skipped, 1 failed"
                + System.lineSeparator());
        assertThat(stored()).usingRecursiveFieldByFieldElementComparator().containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void editedPost_updatesItsEvent_keepingIdAndSlug(@TempDir Path dir) throws Exception {
        Path post = Files.copy(SEED_POST, dir.resolve("2017-09-26-leeds-devops-meetup.md"));
        importPaths(post);
        Event before = aws.eventStore().findBySlug(SEED_SLUG).orElseThrow();
        Files.writeString(post, Files.readString(post).replace("8:05 - 8:20 : Intermission", "8:05 - 8:20 : Pizza"));

        int status = importPaths(post);

        Event after = aws.eventStore().findBySlug(SEED_SLUG).orElseThrow();
        assertThat(status).isZero();
        assertThat(printed()).contains(post + ": updated ");
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.agenda().get(3).title()).isEqualTo("Pizza");
        assertThat(stored()).hasSize(1);
    }

    @Test
    void eventMadeInTheAdminForm_foundByThePostsOldLink_keepsEveryFieldItHas_andDryRunSaysSoFirst() throws Exception {
        // the defect: the dry run said "would import ... as 2017-09-26-leeds-devops-meetup", the real run matched
        // this event by its alias and replaced its title, talk ids, bios, ticket labels and description
        Event entered = Fixtures.seedEvent();
        aws.eventStore().create(entered);

        importPaths(SEED_POST, "--dry-run");
        String dryRun = printed();
        int status = importPaths(SEED_POST);

        Event after = aws.eventStore().get(entered.id()).orElseThrow();
        assertThat(dryRun).contains(SEED_POST + ": would update \"" + entered.title() + "\" as " + Fixtures.SEED_SLUG
                + " (published, id " + entered.id() + "): ")
                .contains("): import record; would keep what an organiser edited: title, description, agenda, talks, "
                        + "speakers, tickets, tags");
        assertThat(status).isZero();
        assertThat(printed().lines().filter(l -> l.contains(": updated ")).toList()).containsExactly(dryRun.lines()
                .filter(l -> l.contains(": would update ")).findFirst().orElseThrow()
                .replace(": would update ", ": updated ").replace("would keep", "kept"));
        assertThat(after.draft().withImported(null)).isEqualTo(entered.draft()
                .withImported(null).withSlug(Fixtures.SEED_SLUG));
        assertThat(after.imported().sourceUid()).isEqualTo("hugo:" + SEED_SLUG);
        assertThat(stored()).hasSize(1);
    }

    @Test
    void fieldsAnOrganiserEditedAfterTheImport_surviveImportingAnEditedPost_unlessOverwrite(@TempDir Path dir)
            throws Exception {
        Path post = Files.copy(SEED_POST, dir.resolve("2017-09-26-leeds-devops-meetup.md"));
        importPaths(post);
        Event imported = aws.eventStore().findBySlug(SEED_SLUG).orElseThrow();
        var speakers = new java.util.ArrayList<>(imported.speakers());
        var bio = speakers.get(0);
        speakers.set(0, new io.handbill.model.Speaker(bio.id(), bio.name(), bio.role(), bio.organisation(),
                "Bryan builds **networks** for Weaveworks.", bio.url()));
        var tickets = List.of(new io.handbill.model.TicketLink("Free tickets", imported.tickets().get(0).url(), true,
                null, null));
        EventDraft edited = imported.draft().toBuilder().title("Kubernetes networking and nanoservices")
                .description("An evening of **devops** talks.").speakers(speakers).tickets(tickets).build();
        aws.eventStore().update(imported.edit(edited, Instant.now()));
        Files.writeString(post, Files.readString(post).replace("8:05 - 8:20 : Intermission", "8:05 - 8:20 : Pizza"));

        int status = importPaths(post);

        Event after = aws.eventStore().findBySlug(SEED_SLUG).orElseThrow();
        assertThat(status).isZero();
        assertThat(printed()).contains(post + ": updated \"Kubernetes networking and nanoservices\" as " + SEED_SLUG
                + " (published, id " + imported.id() + "): agenda; kept what an organiser edited: title, description, "
                + "speakers, tickets");
        assertThat(after.agenda().get(3).title()).isEqualTo("Pizza");
        assertThat(after.title()).isEqualTo("Kubernetes networking and nanoservices");
        assertThat(after.description()).isEqualTo("An evening of **devops** talks.");
        assertThat(after.speakers().get(0).bio()).isEqualTo("Bryan builds **networks** for Weaveworks.");
        assertThat(after.tickets()).isEqualTo(tickets);

        int again = importPaths(post);

        assertThat(again).isZero();
        assertThat(printed()).contains(": unchanged ");
        assertThat(aws.eventStore().findBySlug(SEED_SLUG).orElseThrow().version()).isEqualTo(after.version());

        int overwritten = importPaths(post, "--overwrite");

        assertThat(overwritten).isZero();
        assertThat(aws.eventStore().findBySlug(SEED_SLUG).orElseThrow().draft().withImported(null))
                .usingRecursiveComparison().ignoringFields("agenda")
                .isEqualTo(Json.read(Fixtures.readText("/importer/seed-expected.json"), EventDraft.class));
    }

    @Test
    void dryRunOfADirectory_printsWhatWouldHappenAndEveryWarning_changesNothing() throws Exception {
        int status = importPaths(CONTENT, "--dry-run");

        assertThat(status).isEqualTo(1);
        assertThat(printed())
                .contains(SEED_POST + ": would create \"Meetup - Tuesday 26th September 2017 at The ODI Node in Leeds\" as "
                        + SEED_SLUG + " (published)")
                .contains(SEED_POST + ":12: warning: dropped an embedded iframe //eventbrite.co.uk/tickets-external")
                .contains(CONTENT.resolve("post/2018-03-03-terraform-workshop/index.md") + ": would create "
                        + "\"Terraform workshop, Saturday 3rd March 2018\" as 2018-03-03-terraform-workshop (draft)")
                .contains(CONTENT.resolve("about.md") + ": skipped: no event date")
                .doesNotContain("_index.md")
                .endsWith("5 files: 3 would be created, 0 would be updated, 0 unchanged, 1 skipped, 1 failed"
                        + System.lineSeparator());
        assertThat(errors()).isEqualTo(CONTENT.resolve("post/2018-04-10-broken.md")
                + ":5: error: front matter: More data after value has already ended. "
                + "Invalid value preceding this position? (nothing imported)" + System.lineSeparator());
        assertThat(stored()).isEmpty();
    }

    @Test
    void postThatReadsAsAnInvalidEvent_isReportedFieldByField(@TempDir Path dir) throws Exception {
        Path post = Files.writeString(dir.resolve("long.md"), "+++\ntitle = \"Meetup on 3rd May 2018 "
                + "x".repeat(200) + "\"\n+++\n- 7:00 - 8:00 : Talk\n");

        int status = importPaths(post, "--dry-run");

        assertThat(status).isEqualTo(1);
        assertThat(errors()).isEqualTo(post + ": error: the event read from this post "
                + "is not valid, nothing imported:" + System.lineSeparator()
                + "  title: At most 200 characters (too_long)" + System.lineSeparator());
    }

    @Test
    void withoutApi_findsTheLocalStackOnAnotherPort_throughTheFileItWrote(@TempDir Path home) {
        String stackUrl = api.apiUrl().toString().replaceFirst("/api$", "");
        LocalStackFile.write(LocalStackFile.location(Map.of(LocalStackFile.HOME_VARIABLE, home.toString())),
                stackUrl, TOKEN);

        int status = ImportCommand.run(new String[]{SEED_POST.toString()}, stream(out = new ByteArrayOutputStream()),
                stream(err = new ByteArrayOutputStream()), Map.of(LocalStackFile.HOME_VARIABLE, home.toString()));

        assertThat(errors()).isEmpty();
        assertThat(status).isZero();
        assertThat(printed()).contains(": created ");
        assertThat(stored()).hasSize(1);
    }

    @Test
    void withoutApi_aStackFileOfAStackThatIsGone_saysWhichFlagToAdd(@TempDir Path home) throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path file = LocalStackFile.location(Map.of(LocalStackFile.HOME_VARIABLE, home.toString()));
        LocalStackFile.write(file, "http://127.0.0.1:" + closedPort, TOKEN);

        int status = ImportCommand.run(new String[]{SEED_POST.toString()}, stream(out = new ByteArrayOutputStream()),
                stream(err = new ByteArrayOutputStream()), Map.of(LocalStackFile.HOME_VARIABLE, home.toString()));

        assertThat(status).isEqualTo(2);
        assertThat(errors()).isEqualTo("error: the local stack " + file + " names (http://127.0.0.1:" + closedPort
                + ") does not answer: start it with `java -jar infrastructure/target/handbill-local.jar`, or add "
                + "--api URL for a stack elsewhere" + System.lineSeparator());
        assertThat(stored()).isEmpty();
    }

    @Test
    void organisersAdditionsAfterAnImport_surviveImportingAgain() throws Exception {
        importPaths(SEED_POST);
        Event imported = aws.eventStore().findBySlug(SEED_SLUG).orElseThrow();
        Venue withPostcode = new Venue(imported.venue().name(), imported.venue().addressLines(), "Leeds", "LS9 8AG",
                "United Kingdom", imported.venue().url(), 53.7965, -1.5331, null);
        EventDraft added = imported.draft().toBuilder().venue(withPostcode)
                .aliases(List.of(imported.aliases().get(0), "/2017/09/meetup")).build();
        aws.eventStore().update(imported.edit(added, Instant.now()));

        int status = importPaths(SEED_POST);

        assertThat(status).isZero();
        assertThat(printed()).contains(": unchanged ");
        Event after = aws.eventStore().findBySlug(SEED_SLUG).orElseThrow();
        assertThat(after.venue()).isEqualTo(withPostcode);
        assertThat(after.aliases()).contains("/2017/09/meetup");
    }

    @Test
    void noToken_forALocalApi_usesTheLocalStacksOwnToken() throws Exception {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();

        int status = ImportCommand.run(new String[]{"--api", api.apiUrl().toString(), SEED_POST.toString()},
                stream(out), stream(err), Map.of());

        assertThat(status).isZero();
        assertThat(printed()).contains(": created ");
        assertThat(stored()).hasSize(1);
    }

    @Test
    void wrongToken_isRefused_stopsAtTheFirstPost_andStoresNothing() throws Exception {
        int status = ImportCommand.run(new String[]{"--api", api.apiUrl().toString(), "--token", "not-the-token",
                CONTENT.toString()}, stream(out = new ByteArrayOutputStream()), stream(err = new ByteArrayOutputStream()),
                Map.of());

        assertThat(status).isEqualTo(1);
        assertThat(errors()).contains("GET /api/events → 401").contains("error: stopping: the event-api at "
                + api.apiUrl() + " cannot be used");
        assertThat(stored()).isEmpty();
    }

    private int importPaths(Path path, String... options) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        var args = new java.util.ArrayList<>(List.of("--api", api.apiUrl().toString()));
        args.addAll(List.of(options));
        args.add(path.toString());
        return ImportCommand.run(args.toArray(String[]::new), stream(out), stream(err), Map.of("HANDBILL_TOKEN", TOKEN));
    }

    private List<Event> stored() {
        return aws.eventStore().list(new EventListing(null, EventListing.When.ALL, Instant.now(), null, 100)).items();
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
