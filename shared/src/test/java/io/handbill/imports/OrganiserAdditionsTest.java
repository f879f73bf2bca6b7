package io.handbill.imports;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.EventDraft;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.Venue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrganiserAdditionsTest {
    private final EventDraft current = Fixtures.seedDraft();

    @Test
    void postsValues_win_andWhatThePostLeavesEmpty_staysAsTheOrganiserSetIt() {
        EventDraft fromPost = EventDraft.builder().slug("from-post").title("Post title").description("Post text")
                .start(current.start()).end(current.end()).timeZone(current.timeZone())
                .venue(new Venue("The ODI Node Leeds", List.of(), null, null, null, null, null, null, null))
                .agenda(current.agenda())
                .talks(List.of(new Talk("nanoservices", "Watch out!", null, List.of("matthew-clark"))))
                .speakers(List.of(new Speaker("matthew-clark", "Matthew Clark", null, "BBC R&D", null, null)))
                .tags(List.of("meetups")).aliases(List.of("/post/1/new-link")).build();

        EventDraft kept = OrganiserAdditions.keep(fromPost, current);

        assertThat(kept.title()).isEqualTo("Post title");
        assertThat(kept.summary()).isEqualTo(current.summary());
        assertThat(kept.description()).isEqualTo("Post text");
        assertThat(kept.venue()).isEqualTo(current.venue());
        assertThat(kept.talks()).containsExactly(new Talk("nanoservices", "Watch out!",
                current.talks().get(1).summary(), List.of("matthew-clark")));
        Speaker before = current.speakers().get(1);
        assertThat(kept.speakers()).containsExactly(new Speaker("matthew-clark", "Matthew Clark", before.role(),
                "BBC R&D", before.bio(), before.url()));
        assertThat(kept.codeOfConductUrl()).isEqualTo(current.codeOfConductUrl());
        assertThat(kept.sponsors()).isEmpty();
        assertThat(kept.tickets()).isEmpty();
        assertThat(kept.tags()).containsExactly("meetups");
        assertThat(kept.aliases()).containsExactly("/post/1/new-link",
                "/post/165145694230/meetup-tuesday-26th-september-2017-at-the-odi");
    }
}
