package io.handbill.icsfeed;

import io.handbill.fixtures.Fixtures;
import io.handbill.testkit.ChildJvm;
import io.handbill.testkit.DeployableJar;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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

        ChildJvm.Result run = run(aws, "/events/" + Fixtures.SEED_SLUG + ".ics");
        String out = run.log();

        assertThat(run.finished()).isTrue();
        assertThat(run.exitValue()).as(out).isZero();
        assertThat(out).startsWith("STATUS 200\n");
        String ics = out.substring("STATUS 200\n".length());
        assertThat(times(ics).get(0).start()).isEqualTo(Instant.parse("2017-09-26T17:45:00Z"));
        assertThat(ics).contains("UID:seed-2017-09-26@events.example.org\r\n");
    }

    @Test
    void shadedJar_holdsNoApacheOrNettyClient_andStaysUnder12Mb() throws Exception {
        DeployableJar.assertSmallWithoutApacheOrNetty(JAR);
    }

    private static ChildJvm.Result run(LocalAws aws, String path) throws IOException, InterruptedException {
        String classPath = JAR.toAbsolutePath() + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath();
        var environment = new HashMap<>(aws.environment());
        environment.putAll(Map.of("SITE_URL", "https://events.example.org", "GROUP_NAME", "Leeds DevOps",
                "ORGANISER_EMAIL", "organisers@example.org", "LOG_LEVEL", "WARN"));
        return ChildJvm.run(environment, Duration.ofSeconds(60), "-cp", classPath, ShadedJarRunner.class.getName(),
                path);
    }
}
