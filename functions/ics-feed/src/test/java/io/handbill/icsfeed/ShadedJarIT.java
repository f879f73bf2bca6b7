package io.handbill.icsfeed;

import io.handbill.fixtures.Fixtures;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static io.handbill.ical.IcsAssertions.times;
import static org.assertj.core.api.Assertions.assertThat;

/** The deployable jar on its own, in a fresh JVM, configured only by environment variables as in Lambda. */
@ExtendWith(LocalAwsExtension.class)
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "ics-feed.jar");

    @Test
    void shadedJar_servesTheSeedEventsFile_fromTheEnvironmentAlone(LocalAws aws) throws Exception {
        aws.eventStore().create(Fixtures.seedEvent());
        aws.eventStore().bumpSiteVersion(Instant.now());

        Process process = run(aws, "/events/" + Fixtures.SEED_SLUG + ".ics");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).startsWith("STATUS 200\n");
        String ics = out.substring("STATUS 200\n".length());
        assertThat(times(ics).get(0).start()).isEqualTo(Instant.parse("2017-09-26T17:45:00Z"));
        assertThat(ics).contains("UID:seed-2017-09-26@events.example.org\r\n");
    }

    @Test
    void shadedJar_holdsNoApacheOrNettyClient_andStaysUnder12Mb() throws Exception {
        try (var jar = new JarFile(JAR.toFile())) {
            assertThat(jar.stream().map(JarEntry::getName))
                    .noneMatch(name -> name.startsWith("org/apache/") || name.startsWith("io/netty/")
                            || name.startsWith("software/amazon/awssdk/http/apache")
                            || name.startsWith("software/amazon/awssdk/http/nio/netty"));
        }
        assertThat(Files.size(JAR)).isLessThanOrEqualTo(12L * 1024 * 1024);
    }

    private static Process run(LocalAws aws, String path) throws IOException {
        String classPath = JAR.toAbsolutePath() + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath();
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ShadedJarRunner.class.getName(), path)
                .redirectErrorStream(true);
        builder.environment().putAll(aws.environment());
        builder.environment().put("SITE_URL", "https://events.example.org");
        builder.environment().put("GROUP_NAME", "Leeds DevOps");
        builder.environment().put("ORGANISER_EMAIL", "organisers@example.org");
        builder.environment().put("LOG_LEVEL", "WARN");
        return builder.start();
    }
}
