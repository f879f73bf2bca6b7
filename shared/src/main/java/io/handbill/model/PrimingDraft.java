package io.handbill.model;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A draft with one of every part an organiser fills in, for the functions' SnapStart priming: running it through
 * the request path loads what a real first request needs. Never stored.
 */
public final class PrimingDraft {
    private PrimingDraft() {
    }

    public static EventDraft startingAt(LocalDateTime start) {
        return EventDraft.builder().title("Priming").summary("Summary")
                .description("Some **Markdown** with a [link](https://example.org/).\n\n> A quote\n\n    code")
                .start(start).end(start.plusHours(3)).timeZone("Europe/London")
                .venue(new Venue("Venue", List.of("Line"), "City", "AB1 2CD", "Country", "https://example.org/", 53.8,
                        -1.5, "Notes"))
                .agenda(List.of(new AgendaItem(start, null, "Talk", AgendaKind.TALK, "talk")))
                .talks(List.of(new Talk("talk", "Talk", "Abstract", List.of("speaker"))))
                .speakers(List.of(new Speaker("speaker", "Name", "Role", "Org", "Bio", "https://example.org/")))
                .tickets(List.of(new TicketLink("Tickets", "https://example.org/", true, null, null)))
                .codeOfConductUrl("https://example.org/").tags(List.of("tag")).aliases(List.of("/old/path")).build();
    }
}
