package io.handbill.local.importer;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command without an API: help and argument errors. Dry and real runs are {@code ImportCommandIT}. */
class ImportCommandTest {
    static final Path CONTENT = Path.of("src/test/resources/importer/content");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void help_printsTheUsage_andExits0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -cp").contains("--ics FILE|URL")
                .contains("--overwrite").contains("--dry-run");
        assertThat(err.size()).isZero();
    }

    @Test
    void badArguments_exitWith2AndUsage() {
        assertThat(run("--zone", "Mars/Olympus", "x.md")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("error: --zone Mars/Olympus is not an IANA time zone")
                .contains("Usage: java -cp");
        assertThat(run("--dry-run")).isEqualTo(2);
        assertThat(run("--ics")).isEqualTo(2);
        assertThat(run("--from", "yesterday", "x.md")).isEqualTo(2);
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
