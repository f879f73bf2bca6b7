package io.handbill.sync.ics;

import io.handbill.imports.ImportedEvent;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;
import io.handbill.validation.EventDraftValidator;
import io.handbill.validation.SafeUrl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One feed event to the event Handbill stores: SUMMARY the title, DESCRIPTION Markdown-safe text, LOCATION and GEO
 * the venue, URL a ticket link "on Meetup", CATEGORIES tags, STATUS:CANCELLED a cancelled event. It also undoes
 * the platforms' habits: Meetup starts a DESCRIPTION with the group's name and the date and ends it with the event's
 * link (and sometimes names the venue there, with no LOCATION), Luma starts it with "Get up-to-date information at".
 */
final class EventMapping {
    private static final Pattern MEETUP_DATE_LINE = Pattern.compile(
            "(?i)(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? .+ at \\d{1,2}(:\\d{2})? ?[AP]M( [A-Z]{2,5})?");
    private static final Pattern LUMA_LINK = Pattern.compile("(?i)Get up-to-date information at:?\\s*(https?://\\S+)");
    private static final Pattern VENUE_LINE = Pattern.compile("(?i)(?:Venue|Location|Where|Address)\\s*:\\s*(.+)");
    private static final Pattern LONE_LINK = Pattern.compile("https?://\\S+");
    private static final Pattern TAG_DISALLOWED = Pattern.compile("[^\\p{L}\\p{N} ._+#-]+");
    private static final int MAX_TAG = 40;

    private final String origin;
    private final List<FeedWarning> warnings;

    EventMapping(String origin, List<FeedWarning> warnings) {
        this.origin = origin;
        this.warnings = warnings;
    }

    Optional<ImportedEvent> map(IcsEvent e) {
        if (e.summary() == null) {
            warn(e, "no SUMMARY, so no title: skipped");
            return Optional.empty();
        }
        String title = clean(e.summary());
        if (title.length() > EventDraftValidator.MAX_TITLE) {
            warn(e, "SUMMARY is longer than " + EventDraftValidator.MAX_TITLE + " characters: cut");
            title = title.substring(0, EventDraftValidator.MAX_TITLE - 1) + "…";
        }
        String url = e.url();
        String location = e.location();
        String description;
        if (e.html()) {
            description = MarkdownText.fromHtml(e.description());
        } else {
            List<String> lines = e.description() == null ? new ArrayList<>()
                    : new ArrayList<>(e.description().lines().toList());
            if (lines.size() >= 2 && MEETUP_DATE_LINE.matcher(lines.get(1).strip()).matches()) {
                lines.subList(0, 2).clear();
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                Matcher luma = LUMA_LINK.matcher(line);
                Matcher venue = VENUE_LINE.matcher(line);
                if (luma.matches()) {
                    url = url != null ? url : luma.group(1);
                    lines.remove(i--);
                } else if (location == null && venue.matches()) {
                    location = venue.group(1);
                    lines.remove(i--);
                }
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            if (!lines.isEmpty() && LONE_LINK.matcher(lines.get(lines.size() - 1).strip()).matches()) {
                String last = lines.get(lines.size() - 1).strip();
                if (url == null || last.equals(url.strip()) || Platform.of(last) != Platform.OTHER) {
                    url = url != null ? url : last;
                    lines.remove(lines.size() - 1);
                }
            }
            description = MarkdownText.fromPlain(String.join("\n", lines));
        }
        if (description != null && description.length() > EventDraftValidator.MAX_DESCRIPTION) {
            warn(e, "DESCRIPTION is longer than " + EventDraftValidator.MAX_DESCRIPTION + " characters: cut");
            description = description.substring(0, EventDraftValidator.MAX_DESCRIPTION - 1) + "…";
        }
        Venue venue = VenueText.of(location == null ? null : clean(location), e.latitude(), e.longitude());
        if (venue == null && e.latitude() != null) {
            warn(e, "GEO without LOCATION: no venue to put it on, left out");
        }
        List<TicketLink> tickets = new ArrayList<>();
        if (url != null && SafeUrl.isSafe(url.strip())) {
            tickets.add(new TicketLink(Platform.of(url).ticketLabel(url), url.strip(), true, null, null));
        } else if (url != null) {
            warn(e, "URL " + url + " is not an http(s) link: left out");
        }
        EventDraft draft = EventDraft.builder().title(title).description(description)
                .start(e.start().toLocalDateTime())
                .end(e.end().withZoneSameInstant(e.start().getZone()).toLocalDateTime())
                .timeZone(e.start().getZone().getId()).venue(venue).tickets(tickets).tags(tags(e)).build();
        Platform platform = Platform.of(url != null ? url : "https://" + e.key().replaceFirst("^[^@]*@", "")
                .replaceFirst("#.*", ""));
        return Optional.of(new ImportedEvent(origin + ":" + e.line(), draft, e.key(),
                e.cancelled() ? EventStatus.CANCELLED : EventStatus.PUBLISHED, platform.cancelReason(), false));
    }

    private List<String> tags(IcsEvent e) {
        Set<String> tags = new LinkedHashSet<>();
        for (String category : e.categories()) {
            String tag = TAG_DISALLOWED.matcher(category).replaceAll(" ").replaceAll("\\s+", " ").strip()
                    .replaceFirst("^[^\\p{L}\\p{N}]+", "");
            if (tag.length() > MAX_TAG) {
                tag = tag.substring(0, MAX_TAG).strip();
            }
            if (tag.isEmpty()) {
                warn(e, "CATEGORIES \"" + category + "\" has no letters or digits: left out");
            } else if (!tag.equals(category.strip())) {
                warn(e, "CATEGORIES \"" + category + "\" is tagged \"" + tag + "\"");
            }
            if (!tag.isEmpty() && tags.size() < EventDraftValidator.MAX_TAGS) {
                tags.add(tag);
            }
        }
        if (e.categories().size() > EventDraftValidator.MAX_TAGS) {
            warn(e, "more than " + EventDraftValidator.MAX_TAGS + " CATEGORIES: the first "
                    + EventDraftValidator.MAX_TAGS + " are tags");
        }
        return List.copyOf(tags);
    }

    /** Feeds carry stray control characters (a vertical tab from a copy-paste) the validator would refuse. */
    private static String clean(String text) {
        return text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
    }

    private void warn(IcsEvent e, String message) {
        warnings.add(new FeedWarning(e.key(), e.line(), message));
    }
}
