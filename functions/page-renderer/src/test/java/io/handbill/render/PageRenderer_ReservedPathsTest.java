package io.handbill.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handbill.fixtures.Fixtures;
import io.handbill.json.Json;
import io.handbill.model.Aliases;
import io.handbill.model.SitePaths;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paths no alias may take ({@link SitePaths#isReservedKey}) are the paths the renderer writes: a whole site is
 * rendered here and every key it writes for itself must be reserved, so a new kind of page cannot be overwritten.
 */
class PageRenderer_ReservedPathsTest {
    private final PageRenderer renderer = new PageRenderer(TestEvents.SITE);

    @Test
    void everyKeyTheSiteWritesItself_isReserved_andAliasPagesAreNot() {
        List<Event> events = new ArrayList<>(List.of(TestEvents.seed()));
        for (int i = 0; i < 2 * PageRenderer.PAGE_SIZE + 1; i++) {
            events.add(TestEvents.published("p" + i, "p" + i, "Past " + i,
                    LocalDateTime.parse("2010-03-03T18:30:00").plusMonths(i)));
        }
        List<SiteObject> own = new ArrayList<>();
        List<SiteObject> aliasPages = new ArrayList<>();
        for (Event event : events) {
            for (SiteObject object : renderer.eventPages(event)) {
                (object.redirectTo() == null ? own : aliasPages).add(object);
            }
        }
        own.addAll(renderer.indexPages(events, TestEvents.NOW));
        own.add(renderer.feed(events));
        own.add(renderer.sitemap(events, 3));
        own.addAll(renderer.furniture());

        assertThat(own).extracting(SiteObject::key).contains("index.html", "page/3/index.html", "feed.xml",
                "sitemap.xml", "robots.txt", "404.html").allSatisfy(key -> assertThat(SitePaths.isReservedKey(key))
                .as(key).isTrue());
        assertThat(aliasPages).extracting(SiteObject::key).isNotEmpty()
                .noneSatisfy(key -> assertThat(SitePaths.isReservedKey(key)).isTrue());
    }

    @Test
    void aliasesOnReservedPaths_neverBecomeObjects_evenPastValidation() {
        Event event = Event.create("e1", draftWithAliases("/404.html", "/robots.txt", "/admin/index.html",
                "/admin/config.json", "/index.html", "/feed.xml", "/sitemap.xml", "/calendar.ics", "/events/x/",
                "/api/events", "/assets/site.css", "/%61dmin/config.json", "/../etc", "/old/ok"), TestEvents.NOW)
                .publish(TestEvents.NOW);

        assertThat(renderer.eventPages(event)).extracting(SiteObject::key)
                .containsExactly("events/" + Fixtures.SEED_SLUG + "/index.html", "old/ok/index.html");
    }

    @Test
    void aliasKeys_followTheCdn_decodedAsS3Decodes() {
        Event event = Event.create("e1", draftWithAliases("/old/meetup.html", "/old/dir/", "/caf%C3%A9",
                "/a%2Ehtml"), TestEvents.NOW).publish(TestEvents.NOW);

        assertThat(renderer.eventPages(event)).extracting(SiteObject::key).containsExactly(
                "events/" + Fixtures.SEED_SLUG + "/index.html", "old/meetup.html", "old/dir/index.html",
                "caf\u00e9/index.html", "a.html/index.html");
    }

    private static EventDraft draftWithAliases(String... aliases) {
        try {
            ObjectNode seed = (ObjectNode) Json.MAPPER.readTree(Fixtures.seedJson());
            seed.put("slug", Fixtures.SEED_SLUG);
            var list = seed.putArray("aliases");
            for (String alias : aliases) {
                list.add(alias);
            }
            return Json.MAPPER.treeToValue(seed, EventDraft.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
