package io.handbill.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page the renderer makes, checked by the Nu HTML Checker (npm {@code vnu-jar}) in one run: vnu is a
 * JVM of its own, so the pages are collected first and checked together.
 */
class HtmlValidityIT {
    private final PageRenderer renderer = new PageRenderer(TestEvents.SITE);

    @Test
    void everyKindOfPage_passesTheNuHtmlChecker(@TempDir Path site) throws Exception {
        List<SiteObject> objects = new ArrayList<>();
        Event seed = TestEvents.seed();
        objects.addAll(renderer.eventPages(seed));
        objects.addAll(rename("cancelled", renderer.eventPages(seed.cancel("Snow.", TestEvents.NOW))));
        objects.addAll(rename("moved", renderer.eventPages(moved(seed))));
        objects.addAll(renderer.eventPages(TestEvents.hostile()));
        List<Event> events = new ArrayList<>(List.of(seed, TestEvents.hostile()));
        for (int i = 0; i < PageRenderer.PAGE_SIZE + 2; i++) {
            events.add(TestEvents.published("p" + i, "p" + i, "Past " + i,
                    LocalDateTime.parse("2015-03-03T18:30:00").plusMonths(i)));
        }
        objects.addAll(renderer.indexPages(events, TestEvents.NOW));
        objects.addAll(renderer.furniture());
        List<String> files = new ArrayList<>();
        for (SiteObject object : objects) {
            if (!object.contentType().startsWith("text/html") && !object.contentType().startsWith("text/css")) {
                continue;
            }
            String name = object.key().replaceAll("[^A-Za-z0-9.]+", "_");
            if (!name.endsWith(".html") && !name.endsWith(".css")) {
                name += ".html";
            }
            Files.write(site.resolve(name), object.body());
            files.add(site.resolve(name).toString());
        }

        JsonNode report = vnu(files);

        assertThat(report.path("messages")).as(report.toPrettyString()).isEmpty();
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    }

    private static Event moved(Event seed) {
        EventDraft d = seed.draft();
        return seed.edit(d.toBuilder().start(d.start().plusDays(7)).end(d.end().plusDays(7)).agenda(List.of())
                .aliases(List.of()).build(), TestEvents.NOW);
    }

    private static List<SiteObject> rename(String prefix, List<SiteObject> objects) {
        return objects.stream().map(o -> new SiteObject(prefix + "/" + o.key(), o.body(), o.contentType(),
                o.cacheControl(), o.redirectTo())).toList();
    }

    private static JsonNode vnu(List<String> files) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xss2m", "-jar", vnuJar().toString(),
                "--errors-only", "--also-check-css", "--format", "json"));
        command.addAll(files);
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String report = new String(process.getErrorStream().readAllBytes());
        process.waitFor();
        return new ObjectMapper().readTree(report);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** infrastructure/node_modules/vnu-jar, installed by the build's {@code npm install}. */
    private static Path vnuJar() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve("infrastructure/node_modules/vnu-jar/build/dist/vnu.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("vnu.jar not found: run `npm install` in infrastructure/ (mvn verify does)");
    }
}
