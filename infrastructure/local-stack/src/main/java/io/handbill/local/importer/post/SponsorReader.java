package io.handbill.local.importer.post;

import io.handbill.model.Sponsor;
import io.handbill.validation.SafeUrl;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paragraph that speaks of sponsoring ("Infinity Works have agreed to sponsor the refreshments and lodgings for the
 * evening, …") makes each of its links a sponsor; what they sponsor is the phrase after "sponsor". The paragraph also
 * stays in the description: it is the group's thanks, in its own words.
 */
final class SponsorReader {
    private static final Pattern SPONSOR = Pattern.compile("\\bsponsor");
    private static final Pattern PROVIDES = Pattern.compile("\\bsponsor(?:s|ing)?\\s+(?:the\\s+)?(?<what>(?!by\\b)[^,.;:!?]+)",
            Pattern.CASE_INSENSITIVE);

    private SponsorReader() {
    }

    static List<Sponsor> read(PostBody body) {
        List<Sponsor> sponsors = new ArrayList<>();
        for (Element paragraph : body.root().select("p, li")) {
            String text = Text.collapse(paragraph.text());
            if (!SPONSOR.matcher(text.toLowerCase(Locale.ROOT)).find()) {
                continue;
            }
            Matcher provides = PROVIDES.matcher(text);
            String what = provides.find() ? Text.capitalise(provides.group("what").strip()) : null;
            for (Element link : paragraph.select("a[href]")) {
                String name = Text.collapse(link.text());
                if (!name.isEmpty() && SafeUrl.isSafe(link.attr("href"))) {
                    sponsors.add(new Sponsor(name, link.attr("href"), what));
                }
            }
        }
        return sponsors;
    }
}
