package io.handbill.local.importer.post;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the running order in a post: list items, or paragraphs whose every line ({@code <br>}-separated) is an
 * agenda line, and takes them out of the body.
 */
final class AgendaReader {
    private AgendaReader() {
    }

    static List<AgendaLine> take(PostBody body) {
        List<AgendaLine> agenda = new ArrayList<>();
        for (Element block : body.root().select("li, p")) {
            if (block.select("li, p, ul, ol").size() > 1) {
                continue; // holds other blocks: those are looked at one by one
            }
            List<AgendaLine> lines = agendaLines(block);
            if (!lines.isEmpty()) {
                agenda.addAll(lines);
                remove(block);
            }
        }
        return agenda;
    }

    private static List<AgendaLine> agendaLines(Element block) {
        List<AgendaLine> lines = new ArrayList<>();
        for (String text : Text.lines(block)) {
            Optional<AgendaLine> parsed = AgendaLine.parse(text);
            if (parsed.isEmpty()) {
                return List.of();
            }
            lines.add(parsed.get());
        }
        return lines;
    }

    /**
     * Removes an agenda block. When that empties a list, the sentence that introduced the list ("…talks and
     * chatter:") loses its colon, since what it pointed at is now the agenda: it ends with a full stop instead.
     */
    private static void remove(Element block) {
        Element list = block.parent();
        boolean lastItem = block.nameIs("li") && list != null && list.children().size() == 1;
        Element introduction = lastItem ? list.previousElementSibling() : null;
        Text.removeWithEmptyParents(block);
        if (introduction != null && introduction.nameIs("p") && !introduction.textNodes().isEmpty()) {
            List<TextNode> texts = introduction.textNodes();
            TextNode last = texts.get(texts.size() - 1);
            String stripped = last.getWholeText().stripTrailing();
            if (stripped.endsWith(":")) {
                last.text(stripped.substring(0, stripped.length() - 1) + ".");
            }
        }
    }
}
