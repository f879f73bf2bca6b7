package io.handbill.local.importer.post;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Plain-text views of HTML elements, as the parsing rules read them. */
final class Text {
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\u00A0]+");

    private Text() {
    }

    /** The element's lines, split where the post had {@code <br>}, each with whitespace collapsed. */
    static List<String> lines(Element element) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        element.traverse((node, depth) -> {
            if (node instanceof TextNode text) {
                line.append(text.getWholeText());
            } else if (node instanceof Element e && e.nameIs("br")) {
                lines.add(collapse(line.toString()));
                line.setLength(0);
            }
        });
        lines.add(collapse(line.toString()));
        return lines.stream().filter(l -> !l.isEmpty()).toList();
    }

    static String collapse(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** Detaches a node and then any ancestors it leaves empty (a list whose items all moved, say). */
    static void removeWithEmptyParents(Node node) {
        Element parent = node.parent() instanceof Element e ? e : null;
        node.remove();
        while (parent != null && !parent.nameIs("body") && parent.children().isEmpty() && parent.text().isBlank()) {
            Element next = parent.parent();
            parent.remove();
            parent = next;
        }
    }
}
