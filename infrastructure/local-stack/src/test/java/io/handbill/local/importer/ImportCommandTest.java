package io.handbill.local.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command without an API: dry runs and argument errors. Importing for real is {@code ImportCommandIT}. */
class ImportCommandTest {
    static final Path CONTENT = Path.of("src/test/resources/importer/content");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void dryRunOfADirectory_printsEachEventAndWarning_reportsTheBadFileWithItsLine() {
        int status = run("--dry-run", CONTENT.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(1);
        assertThat(printed)
                .contains(CONTENT.resolve("post/2017-09-26-leeds-devops-meetup.md") + ": would import \"Meetup - "
                        + "Tuesday 26th September 2017 at The ODI Node in Leeds\" as 2017-09-26-leeds-devops-meetup "
                        + "(published)")
                .contains("\"talkId\" : \"introduction-to-kubernetes-pod-and-service-networking\"")
                .contains(CONTENT.resolve("post/2017-09-26-leeds-devops-meetup.md")
                        + ":12: warning: dropped an embedded iframe //eventbrite.co.uk/tickets-external")
                .contains(CONTENT.resolve("post/2018-03-03-terraform-workshop/index.md") + ": would import "
                        + "\"Terraform workshop, Saturday 3rd March 2018\" as 2018-03-03-terraform-workshop (draft)")
                .contains(CONTENT.resolve("about.md") + ": skipped: no event date")
                .doesNotContain("_index.md")
                .endsWith("5 files: 3 would be imported, 1 skipped, 1 failed" + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(CONTENT.resolve("post/2018-04-10-broken.md")
                + ":5: error: front matter: More data after value has already ended. "
                + "Invalid value preceding this position? (nothing imported)" + System.lineSeparator());
    }

    @Test
    void postThatReadsAsAnInvalidEvent_isReportedFieldByField(@TempDir Path dir) throws Exception {
        Path post = Files.writeString(dir.resolve("long.md"), "+++\ntitle = \"Meetup on 3rd May 2018 "
                + "x".repeat(200) + "\"\n+++\n- 7:00 - 8:00 : Talk\n");

        int status = run("--dry-run", post.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(post + ": error: the event read from this post "
                + "is not valid, nothing imported:" + System.lineSeparator()
                + "  title: At most 200 characters (too_long)" + System.lineSeparator());
    }

    @Test
    void badArguments_exitWith2AndUsage() {
        assertThat(run("--zone", "Mars/Olympus", "x.md")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("error: --zone Mars/Olympus is not an IANA time zone")
                .contains("Usage: java -cp");
        assertThat(run("--dry-run")).isEqualTo(2);
        assertThat(run("--dry-run", "no/such/dir")).isEqualTo(2);
    }

    @Test
    void noTokenForARemoteApi_exitsWith2BeforeReadingAnything() {
        assertThat(run("--api", "https://events.example.org/api", CONTENT.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: no token for https://events.example.org/api");
        assertThat(out.size()).isZero();
    }

    private int run(String... args) {
        return ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }
}
