package io.handbill.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Markdown with raw HTML that nests anything in anything still comes out as HTML whose elements sit where allowed. */
class Markdown_ContentModelTest {

    @Test
    void paragraphsInsidePhrasing_areUnwrapped_soNoStrayEndTagIsLeft() {
        assertThat(html("<b>\n\nbold para\n\n</b>")).isEqualTo("<b> bold para</b>");
        assertThat(html("`x` <code>\n\n# h\n\n</code>")).doesNotContain("<code><p", "<code><h");
        assertThat(html("<sub>\n\n- item\n\n</sub>")).doesNotContain("<sub><ul", "<sub><li");
    }

    @Test
    void listItemsOutsideALists_areUnwrapped_andTextInAListGetsAnItem() {
        assertThat(html("<li>stray</li>")).isEqualTo("stray");
        assertThat(html("<ol>text<li>one</li>more</ol>")).isEqualTo("<ol><li>text</li><li>one</li><li>more</li></ol>");
    }

    @Test
    void headingsNeverSkipALevelBelowThePageHeading() {
        assertThat(html("### deep\n\n###### deeper\n\n# top")).isEqualTo("<h3>deep</h3><h4>deeper</h4><h3>top</h3>");
    }

    @Test
    void linkInALink_isUnwrapped() {
        assertThat(html("<a href=\"https://a.example/\">a <a href=\"https://b.example/\">b</a></a>"))
                .doesNotContainPattern("<a[^>]*>[^<]*<a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#133;", "&#x85;", "&#x7f;", "&#1;", "&#xfffe;", "&#xffff;", "&#xfdd0;", "&#x1fffe;",
            "&#xd800;", "<b>&#x9f;</b>", "<a href=\"https://x.example/&#xfffe;\" title=\"&#1;\">x</a>"})
    void characterReferencesToForbiddenCodePoints_becomeTheReplacementCharacter(String markdown) {
        String html = html("x " + markdown + " y");

        assertThat(html.codePoints()).noneMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)
                || (c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef) || (c >= 0xd800 && c <= 0xdfff));
        assertThat(html).doesNotContain("&#x");
    }

    @Test
    void definitionListsAreNoLongerKept_theirTextIs() {
        assertThat(html("<dl><dt>term</dt><dd>meaning</dd></dl>")).isEqualTo("termmeaning");
    }

    private static String html(String markdown) {
        // line breaks between blocks are as CommonMark writes them, and no concern here
        return Markdown.toHtml(markdown, 2).html().replace("\n", "");
    }
}
