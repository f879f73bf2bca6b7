package io.handbill.local.importer.post;

import io.handbill.validation.SafeUrl;
import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The first link whose text, paragraph or section speaks of a code of conduct (or anti-harassment policy). Its
 * paragraph leaves the description when that link is the only one in it.
 */
final class CodeOfConductReader {
    private static final Pattern MENTION = Pattern.compile("code of conduct|anti[- ]harassment");
    private static final Pattern HEADING = Pattern.compile("(?i)code of conduct");

    private CodeOfConductReader() {
    }

    static Optional<String> take(PostBody body) {
        Optional<Section> section = Section.find(body, HEADING);
        for (Element link : body.root().select("a[href]")) {
            Element paragraph = link.closest("p, li");
            boolean inSection = section.isPresent() && paragraph != null && section.get().blocks().contains(paragraph);
            boolean mentioned = MENTION.matcher(lower(link.text())).find()
                    || paragraph != null && MENTION.matcher(lower(paragraph.text())).find();
            if ((inSection || mentioned) && SafeUrl.isSafe(link.attr("href"))) {
                String url = link.attr("href");
                if (paragraph != null && paragraph.select("a[href]").size() == 1) {
                    Text.removeWithEmptyParents(paragraph);
                    section.ifPresent(Section::removeHeadingIfEmpty);
                }
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
