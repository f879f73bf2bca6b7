package io.handbill.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.testkit.DeployableJar;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployable: the shaded jar, alone in a fresh JVM configured by environment, against dynalite. */
@ExtendWith(LocalAwsExtension.class)
class EventApiJarIT {
    private static final Path JAR = Path.of("target", "event-api.jar");

    @Test
    void shadedJar_servesRequests_andLogsJsonLines(LocalAws aws, @TempDir Path dir) throws Exception {
        Path seed = Files.writeString(dir.resolve("seed.json"), Fixtures.seedJson());
        var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                JAR + File.pathSeparator + Path.of("target", "test-classes"), ShadedJarProbe.class.getName(),
                seed.toString());
        var builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().clear();
        builder.environment().putAll(aws.environment());

        Process probe = builder.start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String err = Files.readString(dir.resolve("err"), StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(err).isZero();
        assertThat(err).contains("PROBE create=201 get=200 list=200");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("out"), StandardCharsets.UTF_8)) {
            lines.add(Json.MAPPER.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("route").asText())
                .containsExactly("POST /api/events", "GET /api/events/{id}", "GET /api/events");
        assertThat(aws.eventStore().findBySlug(Fixtures.SEED_SLUG)).isPresent();
    }

    @Test
    void shadedJar_holdsNoApacheOrNettyClient_andStaysUnder12Mb() throws Exception {
        DeployableJar.assertSmallWithoutApacheOrNetty(JAR);
    }
}
