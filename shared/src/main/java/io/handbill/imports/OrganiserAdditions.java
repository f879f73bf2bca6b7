package io.handbill.imports;

import io.handbill.model.EventDraft;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.Venue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an organiser added to an imported event that its source never said (a postcode, coordinates, a speaker's
 * link) survives importing it again: a field or part the source leaves empty keeps the event's value. Lists are the
 * source's, except aliases: an old link, once working, is never dropped. Which of the remaining differences are the
 * organiser's edits, to be kept as well, is {@link ImportPlanner}'s decision.
 */
public final class OrganiserAdditions {
    private OrganiserAdditions() {
    }

    public static EventDraft keep(EventDraft fromPost, EventDraft current) {
        Set<String> aliases = new LinkedHashSet<>(fromPost.aliases());
        aliases.addAll(current.aliases());
        return fromPost.toBuilder().summary(or(fromPost.summary(), current.summary()))
                .description(or(fromPost.description(), current.description()))
                .venue(venue(fromPost.venue(), current.venue())).talks(talks(fromPost.talks(), current.talks()))
                .speakers(speakers(fromPost.speakers(), current.speakers()))
                .codeOfConductUrl(or(fromPost.codeOfConductUrl(), current.codeOfConductUrl()))
                .aliases(List.copyOf(aliases)).build();
    }

    private static Venue venue(Venue post, Venue current) {
        if (post == null || current == null) {
            return post == null ? current : post;
        }
        boolean postHasPlace = post.latitude() != null && post.longitude() != null;
        return new Venue(post.name(), post.addressLines().isEmpty() ? current.addressLines() : post.addressLines(),
                or(post.city(), current.city()), or(post.postcode(), current.postcode()),
                or(post.country(), current.country()), or(post.url(), current.url()),
                postHasPlace ? post.latitude() : current.latitude(), postHasPlace ? post.longitude() : current.longitude(),
                or(post.accessNotes(), current.accessNotes()));
    }

    private static List<Talk> talks(List<Talk> post, List<Talk> current) {
        Map<String, Talk> byId = byId(current, Talk::id);
        return post.stream().map(t -> byId.containsKey(t.id())
                ? new Talk(t.id(), t.title(), or(t.summary(), byId.get(t.id()).summary()), t.speakerIds()) : t).toList();
    }

    private static List<Speaker> speakers(List<Speaker> post, List<Speaker> current) {
        Map<String, Speaker> byId = byId(current, Speaker::id);
        return post.stream().map(s -> {
            Speaker was = byId.get(s.id());
            return was == null ? s : new Speaker(s.id(), s.name(), or(s.role(), was.role()),
                    or(s.organisation(), was.organisation()), or(s.bio(), was.bio()), or(s.url(), was.url()));
        }).toList();
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().filter(i -> id.apply(i) != null)
                .collect(Collectors.toMap(id, Function.identity(), (first, second) -> first));
    }

    private static <T> T or(T fromPost, T current) {
        return fromPost != null ? fromPost : current;
    }
}
