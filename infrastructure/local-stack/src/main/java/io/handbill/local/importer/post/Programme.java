package io.handbill.local.importer.post;

import io.handbill.model.AgendaItem;
import io.handbill.model.AgendaKind;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agenda, talks and speakers that a post's running order lists. Speakers have names only until
 * {@link SpeakerParagraphs} finds their bios.
 */
record Programme(List<AgendaItem> agenda, List<Talk> talks, List<Speaker> speakers) {

    static Programme of(List<AgendaLine> lines, AgendaClock clock) {
        List<LocalDateTime> starts = new ArrayList<>();
        List<LocalDateTime> ends = new ArrayList<>();
        for (AgendaLine line : lines) {
            starts.add(clock.next(line.start()));
            ends.add(line.end() == null ? null : clock.next(line.end()));
        }
        Set<String> talkIds = new HashSet<>();
        Map<String, Speaker> speakersByName = new LinkedHashMap<>();
        Set<String> speakerIds = new HashSet<>();
        List<Talk> talks = new ArrayList<>();
        List<AgendaItem> agenda = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            AgendaLine line = lines.get(i);
            LocalDateTime end = ends.get(i);
            if (end == null && !line.late() && i + 1 < lines.size()) {
                end = starts.get(i + 1); // "7:00 Doors open" runs until the next slot starts
            }
            var talkLine = TalkLine.parse(line.title());
            if (talkLine.isPresent()) {
                List<String> ids = talkLine.get().speakerNames().stream()
                        .map(name -> speakersByName.computeIfAbsent(name, n ->
                                new Speaker(Ids.unique(n, speakerIds), n, null, null, null, null)).id())
                        .toList();
                Talk talk = new Talk(Ids.unique(talkLine.get().title(), talkIds), talkLine.get().title(), null, ids);
                talks.add(talk);
                agenda.add(new AgendaItem(starts.get(i), end, talk.title(), AgendaKind.TALK, talk.id()));
            } else {
                agenda.add(new AgendaItem(starts.get(i), end, line.title(), AgendaKinds.of(line.title()), null));
            }
        }
        return new Programme(agenda, talks, List.copyOf(speakersByName.values()));
    }

    boolean isEmpty() {
        return agenda.isEmpty();
    }
}
