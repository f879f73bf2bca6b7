package io.handbill.local.importer;

import io.handbill.render.Markdown;
import io.handbill.sync.ics.IcsImport;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Feed descriptions as the published page shows them: through the page's own Markdown renderer and sanitiser. */
class FeedDescriptionRenderingTest {
    private static final IcsImport.Options WINDOW = new IcsImport.Options(ZoneId.of("Europe/London"),
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));

    @Test
    void htmlDescription_keepsEmphasisListsAndSafeLinks_loosesScriptsHandlersAndJavascriptLinks() throws Exception {
        String markdown = read("luma.ics", 1);

        String html = Markdown.toHtml(markdown, 1).html();

        assertThat(html).isEqualTo("<p>Join us <strong>online</strong> for a talk by "
                + "<a href=\"https://example.org/ada\" rel=\"nofollow\">Ada</a>.</p>\n<p>Questions? ask here</p>\n"
                // the page's Markdown rebuilds lists through its content model, without whitespace between items
                + "<ul><li>Flags</li><li>Rollouts</li></ul>\n");
    }

    @Test
    void plainDescription_staysText_itsMarkupCharactersShownAsTheyAre_itsLinksLinks() throws Exception {
        String html = Markdown.toHtml(read("meetup-group.ics", 0), 1).html();
        String eventbrite = Markdown.toHtml(read("eventbrite.ics", 0), 1).html();

        assertThat(html).startsWith("<p>Talks, pizza and a *friendly* crowd. Bring questions_and_answers, not "
                + "&lt;your&gt; claims.</p>");
        assertThat(eventbrite).contains("<a href=\"https://www.eventbrite.co.uk/e/devops-days-leeds-2027-tickets-"
                + "987654321\" rel=\"nofollow\">https://www.eventbrite.co.uk/e/devops-days-leeds-2027-tickets-987654321</a>");
    }

    private static String read(String feed, int event) throws Exception {
        return IcsImport.read(Files.readString(FeedImportIT.FEEDS.resolve(feed)), feed, WINDOW).events().get(event)
                .draft().description();
    }
}
