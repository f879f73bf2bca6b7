package io.handbill.ical;

import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.HumanTime;
import io.handbill.model.SiteConfig;
import io.handbill.model.Speaker;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The plain-text DESCRIPTION of an event: summary, agenda, talks, practical details and the page's address. */
final class EventDescription {
    private EventDescription() {
    }

    static String of(SiteConfig site, Event event) {
        var sections = new ArrayList<String>();
        if (event.status() == EventStatus.CANCELLED) {
            sections.add(event.cancelReason() == null || event.cancelReason().isBlank()
                    ? "This event is cancelled." : "This event is cancelled: " + event.cancelReason());
        }
        sections.add(firstNonBlank(event.summary(), event.description()));
        sections.add(agenda(event));
        sections.add(talks(event));
        sections.add(details(event));
        sections.add("Details and updates: " + site.eventUrl(event.slug()));
        return sections.stream().filter(s -> s != null && !s.isBlank()).collect(Collectors.joining("\n\n"));
    }

    private static String agenda(Event event) {
        return section("Agenda", event.agenda(), "\n", item -> {
            String end = item.isOpenEnded() ? "late" : time(event, item.end());
            Talk talk = item.talkId() == null ? null : event.talk(item.talkId());
            String speakers = talk == null ? "" : speakerNames(event, talk);
            return time(event, item.start()) + "–" + end + "  " + Objects.toString(item.title(), "")
                    + (speakers.isEmpty() ? "" : " (" + speakers + ")");
        });
    }

    private static String talks(Event event) {
        return section("Talks", event.talks(), "\n\n", talk -> {
            String speakers = talk.speakerIds().stream().map(event::speaker).filter(Objects::nonNull)
                    .map(EventDescription::speakerLine).collect(Collectors.joining("\n"));
            return Stream.of(talk.title(), speakers, talk.summary()).filter(s -> s != null && !s.isBlank())
                    .collect(Collectors.joining("\n"));
        });
    }

    /** {@code heading} and one entry per item, joined by {@code separator}; null (left out) for no items. */
    private static <T> String section(String heading, List<T> items, String separator, Function<T, String> entry) {
        if (items.isEmpty()) {
            return null;
        }
        return Stream.concat(Stream.of(heading), items.stream().map(entry)).collect(Collectors.joining(separator));
    }

    private static String details(Event event) {
        var lines = new ArrayList<String>();
        Venue venue = event.venue();
        if (venue != null && venue.accessNotes() != null && !venue.accessNotes().isBlank()) {
            lines.add("Getting there: " + venue.accessNotes());
        }
        if (!event.tickets().isEmpty()) {
            lines.add("Tickets: " + event.tickets().stream().map(EventDescription::ticket)
                    .collect(Collectors.joining("; ")));
        }
        event.sponsors().forEach(s -> lines.add("Sponsor: " + s.name()
                + (s.provides() == null || s.provides().isBlank() ? "" : " (" + s.provides() + ")")));
        if (event.codeOfConductUrl() != null) {
            lines.add("Code of conduct: " + event.codeOfConductUrl());
        }
        return String.join("\n", lines);
    }

    private static String ticket(TicketLink ticket) {
        String price = ticket.free() ? "free"
                : ticket.price() == null ? "" : ticket.price().toPlainString() + " " + ticket.currency();
        return ticket.label() + (price.isEmpty() ? "" : " (" + price + ")") + " " + ticket.url();
    }

    private static String speakerNames(Event event, Talk talk) {
        return talk.speakerIds().stream().map(event::speaker).filter(Objects::nonNull).map(Speaker::name)
                .collect(Collectors.joining(", "));
    }

    private static String speakerLine(Speaker speaker) {
        String about = Stream.of(speaker.role(), speaker.organisation()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
        return about.isEmpty() ? speaker.name() : speaker.name() + " (" + about + ")";
    }

    private static String time(Event event, LocalDateTime at) {
        return at.toLocalDate().equals(event.start().toLocalDate()) ? HumanTime.time(at)
                : HumanTime.shortDayAndTime(at);
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }
}
