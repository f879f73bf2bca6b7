package io.handbill.render;

import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.Fixtures;
import io.handbill.model.AgendaItem;
import io.handbill.model.AgendaKind;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.Image;
import io.handbill.model.Series;
import io.handbill.model.SeriesStatus;
import io.handbill.model.SiteConfig;
import io.handbill.model.Speaker;
import io.handbill.model.Sponsor;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** Events for renderer tests: the seed, variations of it, and one with an attack string in every text field. */
final class TestEvents {
    static final SiteConfig SITE = Fixtures.SITE;
    static final Instant NOW = Instant.parse("2017-09-20T12:00:00Z");
    static final String XSS = "\"'><script>alert(1)</script><img src=x onerror=alert(2)></title><!--";

    private TestEvents() {
    }

    static Event seed() {
        return Fixtures.seedEvent();
    }

    /** A published event on {@code start} (local, Europe/London), two hours long. */
    static Event published(String id, String slug, String title, LocalDateTime start) {
        return Events.published(id, Drafts.seed().slug(slug).title(title).start(start).end(start.plusHours(2))
                .agenda(List.of()).aliases(List.of()), NOW);
    }

    /** Every organiser text field carries {@link #XSS}; every link field a {@code javascript:} URL or worse. */
    static Event hostile() {
        String bad = XSS;
        String badUrl = "javascript:alert(3)";
        LocalDateTime start = LocalDateTime.parse("2017-09-26T18:45:00");
        Venue venue = new Venue(bad, List.of(bad, bad), bad, bad, bad, badUrl, 53.8, -1.5, bad);
        EventDraft draft = EventDraft.builder().slug("hostile").title(bad).summary(bad)
                .description(bad + "\n\n<script>alert(4)</script><iframe src=\"https://evil.example\"></iframe>"
                        + "<a href=\"javascript:alert(5)\" onclick=\"alert(6)\">x</a><p style=\"color:red\">styled</p>")
                .start(start).end(start.plusHours(3)).timeZone("Europe/London").venue(venue)
                .agenda(List.of(new AgendaItem(start, start.plusHours(1), bad, AgendaKind.TALK, "t\"><b>1"),
                        new AgendaItem(start.plusHours(1), null, bad, AgendaKind.SOCIAL, null)))
                .talks(List.of(new Talk("t\"><b>1", bad, bad, List.of("s1"))))
                .speakers(List.of(new Speaker("s1", bad, bad, bad, bad, badUrl)))
                .sponsors(List.of(new Sponsor(bad, "data:text/html,<script>alert(7)</script>", bad)))
                .tickets(List.of(new TicketLink(bad, "https://tickets.example/?q=%22%3E", false,
                        new BigDecimal("5.00"), "GBP"), new TicketLink(bad, badUrl, true, null, null)))
                .codeOfConductUrl(badUrl).tags(List.of(bad)).aliases(List.of("/" + "post/1"))
                .cover(new Image(badUrl, bad)).build();
        return Event.create("hostile-id", draft, NOW).publish(NOW).cancel(bad, NOW);
    }

    /** A monthly series (second Tuesdays, 18:30 London) whose August meetup is skipped for {@code reason}. */
    static Series series(String id, String title, String reason) {
        return new Series(id, "leeds-devops", title, "FREQ=MONTHLY;BYDAY=2TU", LocalTime.of(18, 30),
                Duration.ofHours(3), "Europe/London", LocalDate.of(2017, 6, 1), 6, EventDraft.builder().build(),
                List.of(new Series.SkippedDate(LocalDate.of(2017, 8, 8), reason),
                        new Series.SkippedDate(LocalDate.of(2017, 12, 12), null)),
                SeriesStatus.ACTIVE, 1, NOW, NOW);
    }

    /** A published occurrence of {@code series}. */
    static Event occurrence(Series series, String id, LocalDateTime start) {
        return published(id, start.toLocalDate() + "-leeds-devops", "Leeds DevOps", start).toBuilder()
                .seriesId(series.id()).build();
    }
}
