package io.handbill.render;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** What "inert" means for a page built from hostile text, checked on the parsed document as a browser sees it. */
final class HtmlSafety {
    private HtmlSafety() {
    }

    static void assertInert(Document page) {
        assertThat(page.select("script").eachAttr("type")).as("only JSON-LD scripts")
                .allMatch("application/ld+json"::equals);
        assertThat(page.select("script")).allSatisfy(script ->
                assertThat(script.data()).doesNotContain("</", "<!--"));
        assertThat(page.select("iframe, style, object, embed, svg, base, [style]")).isEmpty();
        assertThat(page.select("img[srcset]").eachAttr("srcset")).as("pictures' copies are the site's own")
                .allMatch(srcset -> srcset.matches("(/media/[0-9a-f]{32}-[0-9]+\\.(jpg|png) [0-9]+w(, )?)+"));
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).as("event handler attribute on <%s>", element.tagName())
                        .doesNotStartWith("on");
            }
        }
        assertThat(page.select("[href], [src], [action]").stream()
                .flatMap(e -> java.util.stream.Stream.of(e.attr("href"), e.attr("src"), e.attr("action")))
                .filter(v -> !v.isEmpty()))
                .allMatch(v -> v.startsWith("https://") || v.startsWith("http://") || v.startsWith("/")
                        || v.startsWith("#") || v.startsWith("mailto:") || v.startsWith("webcal://"),
                        "http(s), webcal, site or fragment links only");
    }
}
