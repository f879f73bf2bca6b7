package io.handbill.local.importer.post;

import org.commonmark.node.Block;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A post's body as an HTML document (Markdown is rendered with commonmark first, raw HTML in it kept as written) whose
 * nodes can still tell which line of the file they came from.
 */
final class PostBody {
    private static final String LINE_ATTRIBUTE = "data-source-line";
    private static final String LINE_COMMENT = "source-line:";
    private static final org.commonmark.parser.Parser MARKDOWN = org.commonmark.parser.Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private final Document document;
    /** html line → file line at that html line; lines in between count on from the nearest anchor before them. */
    private final TreeMap<Integer, Integer> anchors = new TreeMap<>();

    private PostBody(String html, int firstLine, boolean anchored) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        this.document = Jsoup.parse(html, "", parser);
        if (!anchored) {
            anchors.put(1, firstLine);
        }
        document.select("[" + LINE_ATTRIBUTE + "]").forEach(e -> {
            anchors.put(htmlLine(e), Integer.parseInt(e.attr(LINE_ATTRIBUTE)));
            e.removeAttr(LINE_ATTRIBUTE);
        });
        document.forEachNode(node -> {
            if (node instanceof Comment comment && comment.getData().startsWith(LINE_COMMENT)) {
                // the raw HTML starts on the line after the marker comment
                anchors.put(htmlLine(comment) + 1, Integer.parseInt(comment.getData().substring(LINE_COMMENT.length())));
            }
        });
    }

    static PostBody of(HugoPost post) {
        if (post.format() == HugoPost.BodyFormat.HTML) {
            return new PostBody(post.body(), post.bodyLine(), false);
        }
        int firstLine = post.bodyLine();
        HtmlRenderer renderer = HtmlRenderer.builder()
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Block && !node.getSourceSpans().isEmpty()) {
                        attributes.put(LINE_ATTRIBUTE, String.valueOf(firstLine + firstSpanLine(node)));
                    }
                })
                .nodeRendererFactory(context -> new LineMarkedHtmlBlocks(context, firstLine))
                .build();
        return new PostBody(renderer.render(MARKDOWN.parse(post.body())), firstLine, true);
    }

    Element root() {
        return document.body();
    }

    /** The file line a node came from, or the line of its nearest ancestor that has one. */
    int lineOf(org.jsoup.nodes.Node node) {
        org.jsoup.nodes.Node at = node;
        while (at != null && !at.sourceRange().isTracked()) {
            at = at.parent();
        }
        if (at == null) {
            return anchors.isEmpty() ? 0 : anchors.firstEntry().getValue();
        }
        int htmlLine = htmlLine(at);
        Map.Entry<Integer, Integer> anchor = anchors.floorEntry(htmlLine);
        if (anchor == null) {
            return anchors.isEmpty() ? htmlLine : anchors.firstEntry().getValue();
        }
        return anchor.getValue() + htmlLine - anchor.getKey();
    }

    private static int htmlLine(org.jsoup.nodes.Node node) {
        return node.sourceRange().start().lineNumber();
    }

    private static int firstSpanLine(Node node) {
        return node.getSourceSpans().get(0).getLineIndex();
    }

    /** Renders raw HTML blocks as written, preceded by a comment naming the line they start on. */
    private static final class LineMarkedHtmlBlocks implements NodeRenderer {
        private final HtmlWriter html;
        private final int firstLine;

        LineMarkedHtmlBlocks(HtmlNodeRendererContext context, int firstLine) {
            this.html = context.getWriter();
            this.firstLine = firstLine;
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(HtmlBlock.class);
        }

        @Override
        public void render(Node node) {
            html.line();
            html.raw("<!--" + LINE_COMMENT + (firstLine + firstSpanLine(node)) + "-->\n");
            html.raw(((HtmlBlock) node).getLiteral());
            html.line();
        }
    }
}
