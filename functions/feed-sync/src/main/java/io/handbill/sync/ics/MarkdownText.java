package io.handbill.sync.ics;

import io.handbill.validation.SafeUrl;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed's DESCRIPTION as Markdown that says what the feed said and nothing more: plain text is escaped so none of it
 * becomes markup (its bare links become links), and HTML keeps only paragraphs, breaks, lists, quotes, headings,
 * emphasis, code and http(s)/mailto links — every other element gives up its text alone, script and style not even
 * that. The page renders the result through its Markdown sanitiser like any description an organiser writes.
 */
final class MarkdownText {
    private static final Pattern PUNCTUATION = Pattern.compile("([\\\\`*_\\[\\]<>]|&(?=#?\\w+;))");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\s*)([-+=>]|#+)(?=\\s|$)", Pattern.MULTILINE);
    private static final Pattern ORDERED_START = Pattern.compile("^(\\s*\\d+)([.)])(?=\\s|$)", Pattern.MULTILINE);
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'’]");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");

    private MarkdownText() {
    }

    static String fromPlain(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        Matcher url = URL.matcher(text);
        int at = 0;
        while (url.find()) {
            out.append(escape(text.substring(at, url.start())));
            out.append(link(url.group(), url.group()));
            at = url.end();
        }
        out.append(escape(text.substring(at)));
        String markdown = BLANK_LINES.matcher(out.toString().replace("\r\n", "\n").strip()).replaceAll("\n\n");
        return markdown.isEmpty() ? null : markdown;
    }

    static String fromHtml(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        List<String> blocks = new ArrayList<>();
        StringBuilder inline = new StringBuilder();
        blocks(body, blocks, inline);
        flush(blocks, inline);
        String markdown = BLANK_LINES.matcher(String.join("\n\n", blocks)).replaceAll("\n\n").strip();
        return markdown.isEmpty() ? null : markdown;
    }

    private static void blocks(Element parent, List<String> blocks, StringBuilder inline) {
        for (Node node : parent.childNodes()) {
            if (node instanceof TextNode text) {
                inline.append(escape(SPACES.matcher(text.getWholeText().replace('\n', ' ')).replaceAll(" ")));
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                switch (tag) {
                    case "script", "style", "template", "head", "title" -> { }
                    case "p", "div", "section", "article", "header", "footer", "table", "tr" -> {
                        flush(blocks, inline);
                        blocks(e, blocks, inline);
                        flush(blocks, inline);
                    }
                    case "br" -> inline.append("\n");
                    case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                        flush(blocks, inline);
                        String text = inline(e);
                        if (!text.isBlank()) {
                            blocks.add("#".repeat(tag.charAt(1) - '0') + " " + text.strip());
                        }
                    }
                    case "ul", "ol" -> {
                        flush(blocks, inline);
                        var items = new ArrayList<String>();
                        int n = 1;
                        for (Element li : e.children()) {
                            String text = inline(li).strip().replace("\n", " ");
                            if (!text.isEmpty()) {
                                items.add((tag.equals("ol") ? n++ + ". " : "- ") + text);
                            }
                        }
                        if (!items.isEmpty()) {
                            blocks.add(String.join("\n", items));
                        }
                    }
                    case "blockquote" -> {
                        flush(blocks, inline);
                        String text = fromHtml(e.html());
                        if (text != null) {
                            blocks.add(text.lines().map(l -> l.isEmpty() ? ">" : "> " + l)
                                    .reduce((a, b) -> a + "\n" + b).orElse(""));
                        }
                    }
                    case "pre" -> {
                        flush(blocks, inline);
                        String code = e.wholeText().replaceAll("\n+$", "");
                        if (!code.isBlank()) {
                            String fence = code.contains("```") ? "~~~~" : "```";
                            blocks.add(fence + "\n" + code + "\n" + fence);
                        }
                    }
                    default -> inline.append(inlineElement(e));
                }
            }
        }
    }

    private static String inline(Element e) {
        StringBuilder out = new StringBuilder();
        for (Node node : e.childNodes()) {
            if (node instanceof TextNode text) {
                out.append(escape(SPACES.matcher(text.getWholeText().replace('\n', ' ')).replaceAll(" ")));
            } else if (node instanceof Element child) {
                out.append(inlineElement(child));
            }
        }
        return out.toString();
    }

    private static String inlineElement(Element e) {
        String inner = inline(e);
        return switch (e.normalName()) {
            case "script", "style", "template" -> "";
            case "br" -> "\n";
            case "strong", "b" -> wrap("**", inner);
            case "em", "i" -> wrap("*", inner);
            case "code" -> code(e.text());
            case "a" -> {
                String href = e.attr("href").strip();
                boolean safe = SafeUrl.isSafe(href) || href.toLowerCase(Locale.ROOT).startsWith("mailto:")
                        && !href.contains(" ");
                yield safe && !inner.isBlank() ? link(inner.strip(), href) : inner;
            }
            case "img" -> escape(e.attr("alt"));
            default -> inner;
        };
    }

    private static void flush(List<String> blocks, StringBuilder inline) {
        String text = inline.toString().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip();
        if (!text.isEmpty()) {
            blocks.add(text);
        }
        inline.setLength(0);
    }

    private static String wrap(String marker, String inner) {
        return inner.isBlank() ? inner : marker + inner.strip() + marker;
    }

    private static String code(String text) {
        String fence = text.contains("`") ? "`` " : "`";
        return fence + text + new StringBuilder(fence).reverse();
    }

    private static String link(String text, String url) {
        String target = url.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C")
                .replace(">", "%3E");
        return text.equals(url) ? "<" + target + ">" : "[" + text + "](" + target + ")";
    }

    private static String escape(String text) {
        String escaped = PUNCTUATION.matcher(text).replaceAll("\\\\$1");
        escaped = BLOCK_START.matcher(escaped).replaceAll("$1\\\\$2");
        return ORDERED_START.matcher(escaped).replaceAll("$1\\\\$2");
    }
}
