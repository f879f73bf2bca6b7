package io.handbill.local.importer.post;

import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the paragraph a post writes about each speaker: "Our first speaker is NAME the ROLE at ORG, … . Tonight he's
 * sharing "TALK TITLE" - ABSTRACT". The bio runs from the speaker's name to the sentence that names the talk; the
 * abstract is what follows the talk's quoted title. Paragraphs read this way leave the description.
 */
final class SpeakerParagraphs {
    private static final Pattern SEPARATOR = Pattern.compile("^[\"“”'‘’\\s]*[-–—:]?\\s*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"”’)]?\\s");

    private SpeakerParagraphs() {
    }

    static Programme attach(PostBody body, Programme programme, Warnings warnings) {
        Map<String, String> abstracts = new HashMap<>();
        List<Speaker> speakers = new ArrayList<>();
        Set<Element> read = new LinkedHashSet<>();
        for (Speaker speaker : programme.speakers()) {
            Element paragraph = paragraphAbout(body, speaker, programme);
            if (paragraph == null) {
                warnings.general("no paragraph about speaker " + speaker.name() + ": the bio is left empty");
                speakers.add(speaker);
                continue;
            }
            read.add(paragraph);
            String text = Text.collapse(paragraph.text());
            int bioEnd = text.length();
            for (Talk talk : programme.talks()) {
                int titleAt = talk.speakerIds().contains(speaker.id()) ? text.indexOf(talk.title()) : -1;
                if (titleAt >= 0) {
                    bioEnd = Math.min(bioEnd, sentenceStart(text, titleAt));
                    String rest = text.substring(titleAt + talk.title().length());
                    String summary = SEPARATOR.matcher(rest).replaceFirst("").strip();
                    if (!summary.isEmpty()) {
                        abstracts.putIfAbsent(talk.id(), summary);
                    }
                }
            }
            int nameAt = text.indexOf(speaker.name());
            String bio = nameAt < bioEnd ? text.substring(nameAt, bioEnd).strip() : null;
            speakers.add(withBio(speaker, bio));
        }
        read.forEach(Text::removeWithEmptyParents);
        List<Talk> talks = new ArrayList<>();
        for (Talk talk : programme.talks()) {
            String summary = abstracts.get(talk.id());
            if (summary == null) {
                warnings.general("no abstract found for the talk \"" + talk.title() + "\"");
            }
            talks.add(new Talk(talk.id(), talk.title(), summary, talk.speakerIds()));
        }
        return new Programme(programme.agenda(), talks, speakers);
    }

    /**
     * The speaker's paragraph: the first that names them together with their talk's title, else the first that names
     * them and no other speaker ("with talks from A and B" is an introduction, not a bio).
     */
    private static Element paragraphAbout(PostBody body, Speaker speaker, Programme programme) {
        List<Element> naming = body.root().select("p").stream()
                .filter(p -> Text.collapse(p.text()).contains(speaker.name())).toList();
        List<String> titles = programme.talks().stream().filter(t -> t.speakerIds().contains(speaker.id()))
                .map(Talk::title).toList();
        List<String> others = programme.speakers().stream().filter(s -> !s.id().equals(speaker.id()))
                .map(Speaker::name).toList();
        return naming.stream().filter(p -> titles.stream().anyMatch(Text.collapse(p.text())::contains)).findFirst()
                .or(() -> naming.stream().filter(p -> others.stream().noneMatch(Text.collapse(p.text())::contains))
                        .findFirst())
                .orElse(null);
    }

    /** Where the sentence holding {@code index} starts. */
    private static int sentenceStart(String text, int index) {
        Matcher m = SENTENCE_END.matcher(text.substring(0, index));
        int start = 0;
        while (m.find()) {
            start = m.end();
        }
        return start;
    }

    private static Speaker withBio(Speaker speaker, String bio) {
        if (bio == null || bio.isEmpty()) {
            return speaker;
        }
        Pattern roleAtOrg = Pattern.compile("^" + Pattern.quote(speaker.name())
                + ",?\\s+(?:is\\s+)?(?:the\\s+|an?\\s+)?(?<role>\\p{Lu}[^,.;]*?)\\s+at\\s+"
                + "(?<org>\\p{Lu}[^,.;]*?)(?=[,.;]|\\s+(?:who|where|and)\\b|$)");
        Matcher m = roleAtOrg.matcher(bio);
        return m.find()
                ? new Speaker(speaker.id(), speaker.name(), m.group("role"), m.group("org"), bio, speaker.url())
                : new Speaker(speaker.id(), speaker.name(), speaker.role(), speaker.organisation(), bio, speaker.url());
    }
}
