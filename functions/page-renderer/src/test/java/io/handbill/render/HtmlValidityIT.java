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
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page the renderer makes, checked by the Nu HTML Checker (npm {@code vnu-jar}) in one run: vnu is a
 * JVM of its own, so the pages are collected first and checked together.
 */
class HtmlValidityIT {
    /** Generated events a run; {@code -Dhandbill.fuzz.events=N} for a longer soak. */
    private static final int GENERATED = Integer.getInteger("handbill.fuzz.events", 30);
    /** The API's limit on a cancellation reason. */
    private static final int MAX_REASON = 500;
    private final PageRenderer renderer = new PageRenderer(TestEvents.SITE);

    /**
     * The fixtures' pages, and pages of generated events ({@link GeneratedEvents}: {@link #GENERATED} a run, from a
     * random seed unless {@code -Dhandbill.fuzz.seed=N} replays one; the seed is printed, and named in a failure).
     */
    @Test
    void everyKindOfPage_andPagesOfGeneratedEvents_passTheNuHtmlChecker(@TempDir Path site) throws Exception {
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
        long fuzzSeed = Long.getLong("handbill.fuzz.seed", new Random().nextLong());
        long started = System.nanoTime();
        objects.addAll(rename("generated", generatedPages(new GeneratedEvents(fuzzSeed))));
        long generated = System.nanoTime();
        List<String> files = write(site, objects);

        JsonNode report = vnu(files);

        System.out.printf("HTML fuzz: seed %d, %d generated events, pages made in %d ms; %d pages checked in %d ms%n",
                fuzzSeed, GENERATED, (generated - started) / 1_000_000, files.size(),
                (System.nanoTime() - generated) / 1_000_000);
        assertThat(report.path("messages"))
                .as("fuzz seed %d (replay: -Dhandbill.fuzz.seed=%d): %s", fuzzSeed, fuzzSeed, report.toPrettyString())
                .isEmpty();
        assertThat(files).hasSizeGreaterThanOrEqualTo(10 + GENERATED);
    }

    /** Each generated event's page (one also with its alias pages), every fifth cancelled, and their index. */
    private List<SiteObject> generatedPages(GeneratedEvents generator) {
        List<Event> events = new ArrayList<>();
        List<SiteObject> objects = new ArrayList<>();
        for (int i = 0; i < GENERATED; i++) {
            Event event = Event.create("g" + i, generator.next(i), TestEvents.NOW).publish(TestEvents.NOW);
            if (i % 5 == 4) {
                event = event.cancel(generator.text(MAX_REASON, true), TestEvents.NOW);
            }
            events.add(event);
            List<SiteObject> pages = renderer.eventPages(event);
            objects.addAll(i == 0 ? pages : pages.subList(0, 1));
        }
        objects.addAll(renderer.indexPages(events, TestEvents.NOW));
        return objects;
    }

    private static List<String> write(Path site, List<SiteObject> objects) throws Exception {
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
        return files;
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
