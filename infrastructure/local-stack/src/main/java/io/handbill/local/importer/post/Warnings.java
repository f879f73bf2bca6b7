package io.handbill.local.importer.post;

import org.jsoup.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/** Collects a post's warnings, each at the file line of the node it is about. */
final class Warnings {
    private final PostBody body;
    private final int fallbackLine;
    private final List<ImportWarning> list = new ArrayList<>();

    Warnings(PostBody body, int fallbackLine) {
        this.body = body;
        this.fallbackLine = fallbackLine;
    }

    void at(Node node, String message) {
        list.add(new ImportWarning(body.lineOf(node), message));
    }

    void atLine(int line, String message) {
        list.add(new ImportWarning(line, message));
    }

    /** About the post as a whole (a default the importer had to assume). */
    void general(String message) {
        list.add(new ImportWarning(fallbackLine, message));
    }

    List<ImportWarning> all() {
        return List.copyOf(list);
    }
}
