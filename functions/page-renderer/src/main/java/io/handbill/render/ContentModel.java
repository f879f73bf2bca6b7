package io.handbill.render;

import io.handbill.validation.CleanText;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.Set;

/**
 * Rebuilds sanitised organiser HTML so that it is also valid where it lands: the allow-list says which elements may
 * appear, this says where. Markdown with raw HTML in it can nest anything in anything ({@code <p>} in
 * {@code <code>}, {@code <li>} outside a list, text straight in {@code <ol>}); a browser copes, the HTML standard and
 * the checker do not. Blocks inside phrasing elements are unwrapped, stray list items and text in lists are given an
 * {@code <li>}, a link in a link is unwrapped, headings never skip a level below the page's own, and code points no
 * page may carry (those character references can produce) become U+FFFD.
 */
final class ContentModel {
    private static final Set<String> PHRASING = Set.of("a", "b", "br", "code", "em", "i", "q", "s", "small", "strong",
            "sub", "sup", "u");
    private static final Set<String> LISTS = Set.of("ul", "ol");

    private final int shift;
    private int lastHeading;

    private ContentModel(int shift) {
        this.shift = shift;
        this.lastHeading = shift;
    }

    /**
     * A new body element holding {@code body}'s content, rebuilt.
     *
     * @param shift the level of the page heading this text sits under: a {@code h1} becomes {@code h(1 + shift)}, and
     *              no heading is more than one level below the one before
     */
    static Element rebuild(Element body, int shift) {
        Element out = new Element("body");
        new ContentModel(shift).flow(body, out);
        return out;
    }

    /** Children of {@code from} into a flow container (body, blockquote, li) or a list. */
    private void flow(Element from, Element into) {
        Element pendingItem = null;
        for (Node node : from.childNodes()) {
            Element target = into;
            if (LISTS.contains(into.tagName()) && !(node instanceof Element e && e.tagName().equals("li"))) {
                if (node instanceof TextNode text && text.isBlank()) {
                    continue;
                }
                if (pendingItem == null) {
                    pendingItem = into.appendElement("li");
                }
                target = pendingItem;
            } else {
                pendingItem = null;
            }
            if (node instanceof TextNode text) {
                target.appendText(CleanText.replaceForbidden(text.getWholeText()));
            } else if (node instanceof Element e) {
                flowElement(e, target);
            }
        }
    }

    private void flowElement(Element e, Element into) {
        String tag = e.tagName();
        if (PHRASING.contains(tag)) {
            phrasing(e, copy(e, into), false);
        } else if (tag.matches("h[1-6]")) {
            int level = Math.min(6, Math.min(Integer.parseInt(tag.substring(1)) + shift, lastHeading + 1));
            lastHeading = level;
            phrasing(e, into.appendElement("h" + level), false);
        } else if (tag.equals("p") || tag.equals("pre")) {
            phrasing(e, copy(e, into), false);
        } else if (LISTS.contains(tag) || tag.equals("blockquote")) {
            flow(e, copy(e, into));
        } else if (tag.equals("li")) {
            flow(e, LISTS.contains(into.tagName()) ? copy(e, into) : into);
        } else if (tag.equals("hr")) {
            copy(e, into);
        } else {
            flow(e, into);
        }
    }

    /** Children of {@code from} into a phrasing container: only text and phrasing elements stay elements. */
    private void phrasing(Element from, Element into, boolean inLink) {
        boolean link = inLink || into.tagName().equals("a");
        for (Node node : from.childNodes()) {
            if (node instanceof TextNode text) {
                into.appendText(CleanText.replaceForbidden(text.getWholeText()));
            } else if (node instanceof Element e) {
                boolean keep = PHRASING.contains(e.tagName()) && !(link && e.tagName().equals("a"));
                if (!keep && !into.childNodes().isEmpty()) {
                    into.appendText(" ");
                }
                phrasing(e, keep ? copy(e, into) : into, link);
            }
        }
    }

    private static Element copy(Element e, Element into) {
        Element copy = into.appendElement(e.tagName());
        for (Attribute attribute : e.attributes()) {
            copy.attr(attribute.getKey(), CleanText.replaceForbidden(attribute.getValue()));
        }
        return copy;
    }
}
