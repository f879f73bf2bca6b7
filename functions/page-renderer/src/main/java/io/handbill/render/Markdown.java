package io.handbill.render;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Organiser Markdown to HTML that is safe to embed: raw HTML is kept only as far as an allow-list permits (no script,
 * iframe, style, event handlers, or non-http(s)/mailto links), headings are pushed below the page's own, and the
 * result is rebuilt to HTML's content models ({@link ContentModel}) so that any input makes a valid page.
 */
public final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().sanitizeUrls(true).build();
    private static final Cleaner CLEANER = new Cleaner(new Safelist()
            .addTags("a", "b", "blockquote", "br", "code", "em", "hr", "i", "li", "ol", "p", "pre",
                    "q", "s", "small", "strong", "sub", "sup", "u", "ul", "h1", "h2", "h3", "h4", "h5", "h6")
            .addAttributes("a", "href", "title")
            .addAttributes("q", "cite")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("q", "cite", "http", "https")
            .addEnforcedAttribute("a", "rel", "nofollow"));

    /**
     * Rendered text by source: the feed re-renders the latest fifty descriptions on every edit, and a warm container
     * has seen all but the edited one. Bounded, least recently used first out.
     */
    private static final int CACHED = 2_000;
    private static final Map<String, SafeHtml> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SafeHtml> eldest) {
                    return size() > CACHED;
                }
            });

    private Markdown() {
    }

    /**
     * @param shift how many levels the page's own headings occupy above this text: a {@code #} becomes
     *              {@code h(1 + shift)}, capped at h6
     */
    public static SafeHtml toHtml(String markdown, int shift) {
        if (markdown == null || markdown.isBlank()) {
            return SafeHtml.EMPTY;
        }
        return CACHE.computeIfAbsent(shift + ":" + markdown, key -> render(markdown, shift));
    }

    private static SafeHtml render(String markdown, int shift) {
        String rendered = RENDERER.render(PARSER.parse(markdown));
        Document clean = CLEANER.clean(Jsoup.parseBodyFragment(rendered));
        // a link whose URL the allow-list removed is no link: keep its text
        clean.body().select("a:not([href])").unwrap();
        Element body = ContentModel.rebuild(clean.body(), shift);
        clean.body().replaceWith(body);
        clean.outputSettings().prettyPrint(false);
        return new SafeHtml(body.html());
    }
}
