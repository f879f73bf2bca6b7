package io.handbill.local.importer.post;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What is left of a post becomes Markdown that renders as the same text and never as the post's HTML. */
class MarkdownWriterTest {
    private static final String HOSTILE_HTML_POST = """
            +++
            title = "Old Tumblr post"
            +++
            <p>1. Not a list: <b onclick="steal()">bold</b> *stars* _under_ &lt;script&gt;alert(1)&lt;/script&gt; \
            [not](a link) <a href="javascript:alert(1)">click</a> <img src="/local.png"> \
            <a href="https://ok.example/" style="color:red">ok</a></p>
            <h3 style="color:red">Heading</h3>
            <ul><li>one</li><li># two</li></ul>
            """;

    @Test
    void hostileHtml_becomesEscapedMarkdown_withOnlySafeLinks() throws Exception {
        HugoPost post = new HugoPostReader().read(Path.of("old.html"), HOSTILE_HTML_POST);
        PostBody body = PostBody.of(post);
        Warnings warnings = new Warnings(body, post.bodyLine());

        String markdown = MarkdownWriter.write(body, warnings);

        assertThat(markdown).isEqualTo("""
                1\\. Not a list: **bold** \\*stars\\* \\_under\\_ \\<script\\>alert(1)\\</script\\> \\[not\\](a link) \
                click [ok](https://ok.example/)

                ### Heading

                - one
                - \\# two""");
        assertThat(warnings.all()).extracting(ImportWarning::toString).containsExactly(
                "line 4: dropped a link that is not an absolute http(s) URL: javascript:alert(1)",
                "line 4: dropped an image that is not an absolute http(s) URL: /local.png",
                "line 4: kept in the description: \"1. Not a list: bold *stars* _under_ <script>alert(1)</script…\"",
                "line 5: kept in the description: \"Heading\"",
                "line 6: kept in the description: \"one # two\"");
    }

    @Test
    void renderedDescription_showsThePostsTextAsText() throws Exception {
        HugoPost post = new HugoPostReader().read(Path.of("old.html"), HOSTILE_HTML_POST);
        PostBody body = PostBody.of(post);
        String markdown = MarkdownWriter.write(body, new Warnings(body, post.bodyLine()));

        Document page = Jsoup.parseBodyFragment(HtmlRenderer.builder().escapeHtml(true).build()
                .render(Parser.builder().build().parse(markdown)));

        assertThat(page.select("script, img, [onclick], [style], a[href^=javascript]")).isEmpty();
        assertThat(page.select("a").eachAttr("href")).containsExactly("https://ok.example/");
        assertThat(page.select("p").first().text()).isEqualTo("1. Not a list: bold *stars* _under_ "
                + "<script>alert(1)</script> [not](a link) click ok");
        assertThat(page.select("h3").text()).isEqualTo("Heading");
        assertThat(page.select("li").eachText()).containsExactly("one", "# two");
    }
}
