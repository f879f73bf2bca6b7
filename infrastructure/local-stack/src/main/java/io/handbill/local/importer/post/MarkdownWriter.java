package io.handbill.local.importer.post;

import io.handbill.validation.SafeUrl;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes what is left of a post's body as the event's Markdown description. Only a safe subset survives: paragraphs,
 * headings, lists, quotes, code, emphasis, and links or images with absolute http(s) URLs. Every other element
 * gives up its text alone, and all text is escaped, so no HTML or script from the post reaches a page.
 */
final class MarkdownWriter {
    private static final Pattern MARKDOWN_PUNCTUATION = Pattern.compile("([\\\\`*_\\[\\]<>]|&(?=#?\\w+;))");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([-+=]|#+)(?=\\s|$)");
    private static final Pattern ORDERED_LIST_START = Pattern.compile("^(\\s*\\d+)([.)])(?=\\s|$)");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\u00A0]+");
    private static final Pattern DOUBLE_SPACES = Pattern.compile(" {2,}");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private final Warnings warnings;
    /** Inside a list or quote: its parts are reported with it, not one by one. */
    private int nesting;

    private MarkdownWriter(Warnings warnings) {
        this.warnings = warnings;
    }

    /** The description, and a warning for every block of it: each one is text the importer did not understand. */
    static String write(PostBody body, Warnings warnings) {
        MarkdownWriter writer = new MarkdownWriter(warnings);
        List<String> blocks = new ArrayList<>();
        writer.blocks(body.root(), blocks);
        String markdown = BLANK_LINES.matcher(String.join("\n\n", blocks)).replaceAll("\n\n").strip();
        return markdown.isEmpty() ? null : markdown;
    }

    private void blocks(Element container, List<String> out) {
        StringBuilder inline = new StringBuilder();
        for (Node child : container.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                flush(inline, out, container);
                block(e, out);
            } else {
                inline(child, inline);
            }
        }
        flush(inline, out, container);
    }

    private void block(Element e, List<String> out) {
        switch (e.normalName()) {
            case "p" -> add(out, e, inlineOf(e));
            case "h1", "h2", "h3", "h4", "h5", "h6" -> add(out, e, "#".repeat(e.normalName().charAt(1) - '0') + " "
                    + inlineOf(e));
            case "ul", "ol" -> {
                List<String> items = new ArrayList<>();
                int n = 1;
                for (Element item : e.children()) {
                    String marker = e.normalName().equals("ol") ? (n++) + ". " : "- ";
                    List<String> content = new ArrayList<>();
                    nested(item, content);
                    String text = String.join("\n\n", content).replace("\n", "\n" + " ".repeat(marker.length()));
                    if (!text.isBlank()) {
                        items.add(marker + text);
                    }
                }
                add(out, e, String.join("\n", items));
            }
            case "blockquote" -> {
                List<String> quoted = new ArrayList<>();
                nested(e, quoted);
                add(out, e, ("> " + String.join("\n\n", quoted)).replace("\n", "\n> "));
            }
            case "pre" -> add(out, e, "```\n" + e.wholeText().replace("```", "'''").strip() + "\n```");
            case "hr" -> out.add("---");
            default -> blocks(e, out);
        }
    }

    private void nested(Element container, List<String> out) {
        nesting++;
        blocks(container, out);
        nesting--;
    }

    private void add(List<String> out, Element source, String markdown) {
        if (!markdown.isBlank()) {
            out.add(markdown.strip());
            kept(source, source.text());
        }
    }

    private void flush(StringBuilder inline, List<String> out, Element container) {
        String text = inline.toString().strip();
        if (!text.isEmpty()) {
            out.add(text);
            kept(container, container.text());
        }
        inline.setLength(0);
    }

    private void kept(Element source, String text) {
        if (nesting == 0) {
            warnings.at(source, "kept in the description: \"" + Text.shorten(Text.collapse(text), 60) + "\"");
        }
    }

    private String inlineOf(Element e) {
        StringBuilder out = new StringBuilder();
        e.childNodes().forEach(child -> inline(child, out));
        return DOUBLE_SPACES.matcher(out.toString()).replaceAll(" ").strip(); // a dropped image leaves two spaces
    }

    private void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            out.append(escape(WHITESPACE.matcher(text.getWholeText()).replaceAll(" "), out));
        } else if (node instanceof Element e) {
            switch (e.normalName()) {
                case "br" -> out.append("\\\n");
                case "b", "strong" -> wrap(e, "**", out);
                case "i", "em" -> wrap(e, "*", out);
                case "code" -> out.append('`').append(e.text().replace("`", "'")).append('`');
                case "a" -> link(e, out);
                case "img" -> image(e, out);
                default -> e.childNodes().forEach(child -> inline(child, out));
            }
        }
    }

    private void wrap(Element e, String mark, StringBuilder out) {
        String inner = inlineOf(e);
        if (!inner.isEmpty()) {
            out.append(mark).append(inner).append(mark);
        }
    }

    private void link(Element a, StringBuilder out) {
        String text = inlineOf(a);
        String href = a.attr("href");
        if (SafeUrl.isSafe(href) && !text.isEmpty()) {
            out.append('[').append(text).append("](").append(href.replace(")", "%29")).append(')');
        } else {
            if (!href.isEmpty() && !SafeUrl.isSafe(href)) {
                warnings.at(a, "dropped a link that is not an absolute http(s) URL: " + Text.shorten(href, 80));
            }
            out.append(text);
        }
    }

    private void image(Element img, StringBuilder out) {
        String src = img.attr("src");
        if (SafeUrl.isSafe(src)) {
            out.append("![").append(escape(img.attr("alt"), out)).append("](").append(src.replace(")", "%29")).append(')');
        } else {
            warnings.at(img, "dropped an image that is not an absolute http(s) URL: " + Text.shorten(src, 80));
        }
    }

    /** Backslash-escapes what Markdown would read as syntax; at the start of a line, list and heading markers too. */
    private static String escape(String text, StringBuilder before) {
        String escaped = MARKDOWN_PUNCTUATION.matcher(text).replaceAll("\\\\$1");
        boolean lineStart = before.isEmpty() || before.charAt(before.length() - 1) == '\n';
        if (!lineStart) {
            return escaped;
        }
        String listSafe = ORDERED_LIST_START.matcher(escaped).replaceFirst("$1\\\\$2"); // 1. → 1\.
        return BLOCK_START.matcher(listSafe).replaceFirst("$1\\\\$2"); // # → \#
    }

    private static boolean isBlock(Element e) {
        return switch (e.normalName()) {
            case "p", "div", "section", "article", "header", "footer", "aside", "main", "figure", "figcaption",
                 "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr", "table", "thead",
                 "tbody", "tr", "td", "th", "dl", "dt", "dd" -> true;
            default -> false;
        };
    }
}
