package io.handbill.local.importer.post;

import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A headed part of a post: a heading ({@code <h2>Venue</h2>}, or a paragraph that is only bold text, as Tumblr wrote
 * {@code <p><b>Venue</b></p>}) and the blocks after it up to the next heading.
 */
record Section(Element heading, List<Element> blocks) {
    private static final int MAX_HEADING = 60;

    static Optional<Section> find(PostBody body, Pattern headingText) {
        for (Element candidate : body.root().select("h1, h2, h3, h4, h5, h6, p")) {
            if (isHeading(candidate) && headingText.matcher(Text.collapse(candidate.text())).find()) {
                List<Element> blocks = new ArrayList<>();
                for (Element next = candidate.nextElementSibling(); next != null && !isHeading(next);
                     next = next.nextElementSibling()) {
                    blocks.add(next);
                }
                return Optional.of(new Section(candidate, blocks));
            }
        }
        return Optional.empty();
    }

    static boolean isHeading(Element e) {
        if (e.nameIs("h1") || e.nameIs("h2") || e.nameIs("h3") || e.nameIs("h4") || e.nameIs("h5") || e.nameIs("h6")) {
            return true;
        }
        String text = Text.collapse(e.text());
        return e.nameIs("p") && !text.isEmpty() && text.length() <= MAX_HEADING && e.children().size() == 1
                && (e.child(0).nameIs("b") || e.child(0).nameIs("strong"))
                && Text.collapse(e.child(0).text()).equals(text);
    }

    String text() {
        return Text.collapse(String.join(" ", blocks.stream().map(Element::text).toList()));
    }

    /** Takes the heading (and any blank blocks) out once nothing else is left under it. */
    void removeHeadingIfEmpty() {
        if (blocks.stream().allMatch(b -> b.parent() == null || b.text().isBlank() && b.select("img").isEmpty())) {
            blocks.forEach(Element::remove);
            heading.remove();
        }
    }
}
