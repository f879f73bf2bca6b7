package io.handbill.render;

import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.TestClock;
import io.handbill.http.ProblemException;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.store.InMemoryEventStore;
import io.handbill.store.InMemorySeriesStore;
import io.handbill.validation.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PagePreviewTest {
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final PageRenderer renderer = new PageRenderer(TestEvents.SITE);
    private final PagePreview previews = new PagePreview(events, new InMemorySeriesStore(), renderer, TestEvents.SITE,
            new TestClock(TestEvents.NOW));

    @ParameterizedTest
    @ValueSource(strings = {
            "> A quoted line\n> and its **second** half",
            "```yaml\nkind: Pod\nmetadata: {name: \"<x>\"}\n```",
            "![The venue](https://example.com/venue.jpg) and text",
            "Inline <b>bold</b>, <span style=\"color:red\">styled</span> <script>alert(1)</script><iframe></iframe>",
            "[click me](javascript:alert(1)) and [ok](https://leedsdevops.org.uk)",
            "<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">raw link</a>"})
    void theDescription_isThePublishedPagesDescription(String markdown) {
        Event published = Events.published("e1", Drafts.seed().slug("seed").description(markdown), TestEvents.NOW);
        String page = renderer.eventPages(published).get(0).text();

        PagePreview.Preview preview = previews.of(published.draft(), null);

        assertThat(preview.descriptionHtml()).isNotBlank().doesNotContain("javascript:").doesNotContain("<script")
                .doesNotContain("onclick");
        assertThat(page).contains("<h2 id=\"about-heading\">").contains(preview.descriptionHtml());
        assertThat(preview.pageHtml()).contains(preview.descriptionHtml());
    }

    @Test
    void aBlockquoteAndFencedCode_keepTheirElements() {
        var preview = previews.of(Drafts.seed().description("> quoted\n\n```\nx < y\n```").build(), null);

        assertThat(preview.descriptionHtml()).isEqualTo("<blockquote>\n<p>quoted</p>\n</blockquote>\n<pre><code>x &lt; y\n"
                + "</code></pre>\n");
    }

    @Test
    void aStoredEvent_previewsAsTheBytesItPublishes() {
        Event stored = Events.published("e1", Drafts.seed().slug("seed"), TestEvents.NOW);
        events.create(stored);

        var preview = previews.of(stored.draft(), "e1");

        assertThat(preview.pageHtml()).isEqualTo(renderer.eventPages(stored).get(0).text());
    }

    @Test
    void aNewDraft_previewsAsPublished_underItsGeneratedSlug() {
        var preview = previews.of(Drafts.seed().slug(null).title("Winter social").build(), null);

        assertThat(preview.pageHtml()).startsWith("<!DOCTYPE html>").contains("<title>Winter social · ")
                .contains(TestEvents.SITE.eventUrl("2017-09-26-winter-social"))
                .contains(renderer.cssHref());
    }

    @Test
    void aDraftWithoutAnEnd_previewsAsASaveStoresIt_openEnded() {
        var preview = previews.of(Drafts.seed().end(null).agenda(java.util.List.of()).build(), null);

        assertThat(preview.pageHtml()).contains("\"startDate\":\"2017-09-26T18:45:00+01:00\"")
                .doesNotContain("\"endDate\"");
    }

    @Test
    void aDraftASaveWouldRefuse_isA400NamingEachField() {
        EventDraft bad = Drafts.seed().title(" ").timeZone("Mars/Olympus").build();

        ProblemException e = catchThrowableOfType(() -> previews.of(bad, null), ProblemException.class);

        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().errors()).extracting(FieldError::field).contains("title", "timeZone");
    }

    @Test
    void anUnknownEvent_isA404() {
        ProblemException e = catchThrowableOfType(() -> previews.of(Drafts.seed().build(), "nope"),
                ProblemException.class);

        assertThat(e.problem().status()).isEqualTo(404);
    }
}
