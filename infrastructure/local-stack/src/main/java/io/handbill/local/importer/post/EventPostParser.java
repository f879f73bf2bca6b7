package io.handbill.local.importer.post;

import io.handbill.model.AgendaItem;
import io.handbill.model.EventDraft;
import io.handbill.model.Sponsor;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;
import io.handbill.validation.EventDraftValidator;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Hugo event post into an event draft. Each part of the body that a rule recognises (agenda, speaker
 * paragraphs, venue, code of conduct, tickets) moves into its field; embedded widgets are dropped; whatever is left
 * is the description, as escaped Markdown. Every guess and leftover is reported as a warning.
 */
public final class EventPostParser {
    /** An evening ending "late" is given this long after its last slot starts, as the event needs an end. */
    static final Duration LATE_ALLOWANCE = Duration.ofHours(2);
    /** When a post gives no times at all: a typical meetup evening. */
    static final LocalTime DEFAULT_START = LocalTime.of(18, 30);
    static final Duration DEFAULT_LENGTH = Duration.ofHours(3);

    private static final Pattern EVENING = Pattern.compile("\\b(evening|tonight|night)\\b");
    private static final String TIME = "(?<h%1$s>\\d{1,2})(?:[:.](?<m%1$s>\\d{2}))?\\s*(?<ap%1$s>[ap]\\.?m\\b\\.?)?";
    private static final Pattern TIME_RANGE = Pattern.compile("(?<![\\d£€$.])" + TIME.formatted("1")
            + "\\s*(?:-|–|—|to|until|till)\\s*" + TIME.formatted("2"), Pattern.CASE_INSENSITIVE);
    private static final Pattern STARTS_AT = Pattern.compile("\\b(?:from|at|starts?|starting|doors open(?: at)?)\\s+"
            + TIME.formatted("1"), Pattern.CASE_INSENSITIVE);

    private record Times(LocalDateTime start, LocalDateTime end) {
    }

    private final ZoneId zone;

    public EventPostParser(ZoneId zone) {
        this.zone = zone;
    }

    public ParsedPost parse(HugoPost post) throws NotAnEventException {
        FrontMatter front = post.frontMatter();
        PostBody body = PostBody.of(post);
        Warnings warnings = new Warnings(body, post.bodyLine());
        WidgetRemover.clean(body, warnings);

        String text = Text.collapse(body.root().text());
        LocalDate day = eventDay(post, text, warnings);
        String cues = (front.title() + " " + nullToEmpty(front.description()) + " " + text).toLowerCase(Locale.ROOT);
        AgendaClock clock = new AgendaClock(day, EVENING.matcher(cues).find());

        Programme programme = SpeakerParagraphs.attach(body, Programme.of(AgendaReader.take(body), clock), warnings);
        Venue venue = VenueReader.take(body, front.title(), warnings).orElse(null);
        String codeOfConduct = CodeOfConductReader.take(body).orElse(null);
        List<TicketLink> tickets = TicketReader.take(body, warnings);
        List<Sponsor> sponsors = SponsorReader.read(body);
        Times times = programme.isEmpty() ? timesFromText(text, clock, day, warnings)
                : timesFromAgenda(programme.agenda(), warnings);
        String description = MarkdownWriter.write(body, warnings);

        EventDraft draft = EventDraft.builder().slug(post.slug()).title(front.title().strip())
                .summary(summary(front, warnings)).description(description).start(times.start()).end(times.end())
                .timeZone(zone.getId()).venue(venue).agenda(programme.agenda()).talks(programme.talks())
                .speakers(programme.speakers()).sponsors(sponsors).tickets(tickets).codeOfConductUrl(codeOfConduct)
                .tags(tags(front)).aliases(aliases(front)).build();
        return new ParsedPost(post.file(), draft, !front.isDraft(), warnings.all());
    }

    private static LocalDate eventDay(HugoPost post, String text, Warnings warnings) throws NotAnEventException {
        var found = EventDateFinder.find(post.frontMatter().title(), text, post.published())
                .orElseThrow(() -> new NotAnEventException(post.file(),
                        "no event date (such as \"Tuesday 26th September 2017\") in the title or text"));
        if (found.weekdayMismatch()) {
            warnings.general("the post names a weekday that " + found.date() + " is not: check the date");
        }
        if (found.yearAssumed()) {
            warnings.general("the post gives no year: assumed " + found.date().getYear());
        }
        return found.date();
    }

    private static Times timesFromAgenda(List<AgendaItem> agenda, Warnings warnings) {
        LocalDateTime start = agenda.stream().map(AgendaItem::start).min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime end = null;
        for (AgendaItem item : agenda) {
            LocalDateTime itemEnd = item.isOpenEnded() ? item.start().plus(LATE_ALLOWANCE) : item.end();
            if (end == null || itemEnd.isAfter(end)) {
                end = itemEnd;
            }
        }
        AgendaItem last = agenda.get(agenda.size() - 1);
        if (last.isOpenEnded() && end.equals(last.start().plus(LATE_ALLOWANCE))) {
            warnings.general("the evening ends \"late\": the event's end is set to " + end.toLocalTime() + ", "
                    + LATE_ALLOWANCE.toHours() + " hours after \"" + last.title() + "\" starts");
        }
        return new Times(start, end);
    }

    private static Times timesFromText(String text, AgendaClock clock, LocalDate day, Warnings warnings) {
        Matcher range = TIME_RANGE.matcher(text);
        while (range.find()) {
            ClockTime from = ClockTime.from(range, "1");
            ClockTime to = ClockTime.from(range, "2");
            if (from != null && to != null && (range.group("m1") != null || range.group("ap1") != null)) {
                return new Times(clock.next(from), clock.next(to));
            }
        }
        Matcher startsAt = STARTS_AT.matcher(text);
        while (startsAt.find()) {
            ClockTime from = ClockTime.from(startsAt, "1");
            if (from != null && (startsAt.group("m1") != null || startsAt.group("ap1") != null)) {
                LocalDateTime start = clock.next(from);
                warnings.general("no agenda and no end time: the event is set to end " + DEFAULT_LENGTH.toHours()
                        + " hours after it starts");
                return new Times(start, start.plus(DEFAULT_LENGTH));
            }
        }
        LocalDateTime start = day.atTime(DEFAULT_START);
        warnings.general("no agenda and no times in the text: the event is set to " + DEFAULT_START + "–"
                + DEFAULT_START.plus(DEFAULT_LENGTH) + "; correct it in the admin form");
        return new Times(start, start.plus(DEFAULT_LENGTH));
    }

    private static String summary(FrontMatter front, Warnings warnings) {
        String summary = front.description() == null ? null : Text.collapse(front.description());
        if (summary == null || summary.isEmpty()) {
            return null;
        }
        if (summary.length() > EventDraftValidator.MAX_SUMMARY) {
            warnings.atLine(1, "the front matter description is longer than " + EventDraftValidator.MAX_SUMMARY
                    + " characters: the summary is cut short");
            return summary.substring(0, EventDraftValidator.MAX_SUMMARY - 1).replaceFirst("\\s+\\S*$", "") + "…";
        }
        return summary;
    }

    /** Tags, then categories: both are how the old site grouped its posts. */
    private static List<String> tags(FrontMatter front) {
        Set<String> tags = new LinkedHashSet<>();
        front.tags().forEach(t -> tags.add(t.strip()));
        front.categories().forEach(c -> tags.add(c.strip()));
        tags.remove("");
        return List.copyOf(tags);
    }

    /** Every old path of the post: its aliases and a permalink override. */
    private static List<String> aliases(FrontMatter front) {
        Set<String> aliases = new LinkedHashSet<>();
        List<String> paths = new ArrayList<>(front.aliases());
        Optional.ofNullable(front.url()).ifPresent(paths::add);
        for (String path : paths) {
            String p = path.strip();
            if (!p.isEmpty()) {
                aliases.add(p.startsWith("/") ? p : "/" + p);
            }
        }
        return List.copyOf(aliases);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
