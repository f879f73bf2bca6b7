package io.handbill.local.importer.post;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops what a page of events must not carry over: embedded widgets (an iframe, script or embed, together with the
 * inline-styled box around it, such as Eventbrite's "Powered by" ticket frame), styles and HTML comments
 * ({@code <!-- more -->}).
 */
final class WidgetRemover {
    private static final String EMBEDS = "iframe, script, object, embed, noscript, form, svg, canvas, video, audio";
    private static final String INERT = "style, link, meta, template";

    private WidgetRemover() {
    }

    static void clean(PostBody body, Warnings warnings) {
        Element root = body.root();
        for (Element embed : root.select(EMBEDS)) {
            if (embed.parent() == null) {
                continue;
            }
            Element widget = outermostStyledBox(embed);
            String source = embed.hasAttr("src") ? " " + Text.shorten(embed.attr("src"), 80) : "";
            warnings.at(widget, "dropped an embedded " + embed.tagName() + source);
            Text.removeWithEmptyParents(widget);
        }
        root.select(INERT).remove();
        List<Node> comments = new ArrayList<>();
        root.forEachNode(node -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        });
        comments.forEach(Node::remove);
    }

    private static Element outermostStyledBox(Element embed) {
        Element widget = embed;
        for (Element parent = embed.parent(); parent != null && !parent.nameIs("body"); parent = parent.parent()) {
            if (parent.hasAttr("style")) {
                widget = parent;
            }
        }
        return widget;
    }
}
