package io.handbill.validation;

import io.handbill.model.AgendaItem;
import io.handbill.model.HumanTime;
import io.handbill.model.Aliases;
import io.handbill.model.Image;
import io.handbill.model.ImportRecord;
import io.handbill.model.RsvpSettings;
import io.handbill.model.SitePaths;
import io.handbill.model.EventDraft;
import io.handbill.model.Slugs;
import io.handbill.model.Speaker;
import io.handbill.model.Sponsor;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an organiser's {@link EventDraft} and returns every problem at once, each naming its field with a path
 * such as {@code agenda[2].start}. An empty list means the draft can be stored. Never throws.
 */
public final class EventDraftValidator {
    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 500;
    public static final int MAX_DESCRIPTION = 50_000;
    public static final int MAX_TEXT = 5_000;
    public static final int MAX_NAME = 200;
    public static final int MAX_AGENDA = 50;
    public static final int MAX_TALKS = 30;
    public static final int MAX_SPEAKERS = 50;
    public static final int MAX_SPONSORS = 20;
    public static final int MAX_TICKETS = 10;
    public static final int MAX_TAGS = 20;
    public static final int MAX_ALIASES = 20;
    public static final int MAX_ALT = 300;
    public static final int MAX_CAPACITY = 100_000;
    public static final int MAX_QUESTION = 300;
    public static final Duration MAX_LENGTH_OF_EVENT = Duration.ofDays(14);
    /** Years an event may be in: wide enough for any archive and plan, narrow enough for slugs, feeds and indexes. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._+#-]{0,39}");
    private static final Pattern ALIAS = Pattern.compile("/[A-Za-z0-9._~%/-]{0,299}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    public static final int MAX_SOURCE_UID = 500;
    private static final Pattern FINGERPRINT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final List<FieldError> errors = new ArrayList<>();

    private EventDraftValidator() {
    }

    public static List<FieldError> validate(EventDraft draft) {
        var validator = new EventDraftValidator();
        validator.check(draft);
        return List.copyOf(validator.errors);
    }

    private void check(EventDraft d) {
        if (d.slug() != null && (d.slug().length() > Slugs.MAX_LENGTH || !Slugs.FORMAT.matcher(d.slug()).matches())) {
            add("slug", "invalid_format", "Use lower-case letters, digits and single hyphens, at most "
                    + Slugs.MAX_LENGTH + " characters");
        }
        text("title", d.title(), true, MAX_TITLE);
        text("summary", d.summary(), false, MAX_SUMMARY);
        text("description", d.description(), false, MAX_DESCRIPTION);
        boolean zoneOk = zone(d.timeZone());
        required("start", d.start());
        required("end", d.end());
        boolean timesOk = inYears("start", d.start()) & inYears("end", d.end());
        if (timesOk && !d.end().isAfter(d.start())) {
            add("end", "before_start", "The end must be after the start");
            timesOk = false;
        } else if (timesOk && Duration.between(d.start(), d.end()).compareTo(MAX_LENGTH_OF_EVENT) > 0) {
            add("end", "too_long", "An event lasts at most 14 days");
        }
        if (zoneOk && timesOk) {
            localTimeExists("start", d.start(), d.timeZone());
            localTimeExists("end", d.end(), d.timeZone());
            localTimeIsUnambiguous("start", d.start(), d.timeZone());
            localTimeIsUnambiguous("end", d.end(), d.timeZone());
        }
        venue(d.venue());
        Set<String> speakerIds = speakers(d.speakers());
        Set<String> talkIds = talks(d.talks(), speakerIds);
        agenda(d.agenda(), talkIds, timesOk ? d.start() : null, timesOk ? d.end() : null,
                zoneOk ? d.timeZone() : null);
        sponsors(d.sponsors());
        tickets(d.tickets());
        rsvp(d.rsvp(), timesOk ? d.end() : null);
        url("codeOfConductUrl", d.codeOfConductUrl(), false);
        cover(d.cover());
        strings("tags", d.tags(), MAX_TAGS, TAG, "Tags are letters, digits, spaces and . _ + # -, at most 40 characters");
        aliases(d.aliases());
        imported(d.imported());
    }

    /**
     * Aliases are compared by the bucket object they would redirect from ({@link Aliases#key}); every path the site,
     * the API or the admin form owns is reserved.
     */
    private void aliases(List<String> aliases) {
        if (!size("aliases", aliases, MAX_ALIASES)) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < aliases.size(); i++) {
            String field = "aliases[" + i + "]";
            String alias = aliases.get(i);
            Optional<String> key = alias != null && ALIAS.matcher(alias).matches() ? Aliases.key(alias)
                    : Optional.empty();
            if (key.isEmpty()) {
                add(field, "invalid_format", "An alias is a site path such as /post/123/title: it starts with /, "
                        + "has no spaces, no empty, . or .. segments and only valid %-escapes");
            } else if (SitePaths.isReservedKey(key.get())) {
                add(field, "reserved", "This path belongs to the site itself (pages, feeds, assets, admin, API)");
            } else if (!keys.add(key.get())) {
                add(field, "duplicate", "Listed twice");
            }
        }
    }

    private void rsvp(RsvpSettings r, LocalDateTime eventEnd) {
        if (r == null) {
            return;
        }
        if (r.capacity() != null && (r.capacity() < 1 || r.capacity() > MAX_CAPACITY)) {
            add("rsvp.capacity", "out_of_range", "Capacity is between 1 and " + MAX_CAPACITY
                    + " places; leave it empty for no limit");
        }
        if (r.opensAt() != null && r.closesAt() != null && !r.closesAt().isAfter(r.opensAt())) {
            add("rsvp.closesAt", "before_opens", "RSVPs must close after they open");
        }
        if (eventEnd != null && r.closesAt() != null && r.closesAt().isAfter(eventEnd)) {
            add("rsvp.closesAt", "after_event", "RSVPs close by the event's end");
        }
        if (eventEnd != null && r.opensAt() != null && !r.opensAt().isBefore(eventEnd)) {
            add("rsvp.opensAt", "after_event", "RSVPs open before the event ends");
        }
        text("rsvp.question", r.question(), false, MAX_QUESTION);
    }

    private void imported(ImportRecord imported) {
        if (imported == null) {
            return;
        }
        String uid = imported.sourceUid();
        if (uid == null || uid.isBlank()) {
            add("imported.sourceUid", "required", "An imported event names its source's id");
        } else if (uid.length() > MAX_SOURCE_UID) {
            add("imported.sourceUid", "too_long", "At most " + MAX_SOURCE_UID + " characters");
        } else if (uid.chars().anyMatch(c -> c < ' ' || c == 127)) {
            add("imported.sourceUid", "invalid_characters", "Control characters are not allowed");
        }
        imported.fingerprints().forEach((field, hash) -> {
            if (!ImportRecord.FIELDS.contains(field)) {
                add("imported.fingerprints", "unknown_field", "Names a field an import does not write");
            } else if (hash == null || !FINGERPRINT.matcher(hash).matches()) {
                add("imported.fingerprints." + field, "invalid_format", "A fingerprint is 1 to 64 letters, digits, - or _");
            }
        });
    }

    private boolean zone(String zone) {
        if (zone == null || zone.isBlank()) {
            add("timeZone", "required", "Time zone is required");
            return false;
        }
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            add("timeZone", "invalid_zone", "Use an IANA time zone such as Europe/London");
            return false;
        }
        return true;
    }

    /** True when the time is given and in range; a missing time is reported by {@link #required}. */
    private boolean inYears(String field, LocalDateTime time) {
        if (time == null) {
            return false;
        }
        if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
            add(field, "out_of_range", "Use a year from " + FIRST_YEAR + " to " + LAST_YEAR);
            return false;
        }
        return true;
    }

    private void localTimeExists(String field, LocalDateTime local, String zone) {
        if (ZoneId.of(zone).getRules().getValidOffsets(local).isEmpty()) {
            add(field, "nonexistent_time", "This time does not exist in " + zone + " (clocks go forward)");
        }
    }

    /** When the clocks go back an hour repeats; storing either reading silently could put the event off by an hour. */
    private void localTimeIsUnambiguous(String field, LocalDateTime local, String zone) {
        ZonedDateTime earlier = local.atZone(ZoneId.of(zone)).withEarlierOffsetAtOverlap();
        ZonedDateTime later = earlier.withLaterOffsetAtOverlap();
        if (!earlier.equals(later)) {
            add(field, "ambiguous_time", "This time happens twice in " + zone + " as the clocks go back: "
                    + reading(earlier) + " or " + reading(later) + ". Choose a time outside that hour");
        }
    }

    private static String reading(ZonedDateTime at) {
        String offset = at.getOffset().equals(ZoneOffset.UTC) ? "+00:00" : at.getOffset().getId();
        return HumanTime.time(at) + " " + HumanTime.zone(at) + " (UTC" + offset + ")";
    }

    private void venue(Venue v) {
        if (v == null) {
            return;
        }
        text("venue.name", v.name(), true, MAX_NAME);
        if (v.addressLines().size() > 6) {
            add("venue.addressLines", "too_many", "At most 6 address lines");
        }
        for (int i = 0; i < v.addressLines().size(); i++) {
            text("venue.addressLines[" + i + "]", v.addressLines().get(i), true, MAX_NAME);
        }
        text("venue.city", v.city(), false, MAX_NAME);
        text("venue.postcode", v.postcode(), false, 20);
        text("venue.country", v.country(), false, MAX_NAME);
        url("venue.url", v.url(), false);
        text("venue.accessNotes", v.accessNotes(), false, MAX_TEXT);
        if ((v.latitude() == null) != (v.longitude() == null)) {
            add(v.latitude() == null ? "venue.latitude" : "venue.longitude", "required",
                    "Give both latitude and longitude, or neither");
        }
        if (v.latitude() != null && (v.latitude() < -90 || v.latitude() > 90 || v.latitude().isNaN())) {
            add("venue.latitude", "out_of_range", "Latitude is between -90 and 90");
        }
        if (v.longitude() != null && (v.longitude() < -180 || v.longitude() > 180 || v.longitude().isNaN())) {
            add("venue.longitude", "out_of_range", "Longitude is between -180 and 180");
        }
    }

    private Set<String> speakers(List<Speaker> speakers) {
        Set<String> ids = new HashSet<>();
        if (size("speakers", speakers, MAX_SPEAKERS)) {
            for (int i = 0; i < speakers.size(); i++) {
                Speaker s = speakers.get(i);
                String at = "speakers[" + i + "]";
                key(at + ".id", s.id(), ids);
                text(at + ".name", s.name(), true, MAX_NAME);
                text(at + ".role", s.role(), false, MAX_NAME);
                text(at + ".organisation", s.organisation(), false, MAX_NAME);
                text(at + ".bio", s.bio(), false, MAX_TEXT);
                url(at + ".url", s.url(), false);
            }
        }
        return ids;
    }

    private Set<String> talks(List<Talk> talks, Set<String> speakerIds) {
        Set<String> ids = new HashSet<>();
        if (size("talks", talks, MAX_TALKS)) {
            for (int i = 0; i < talks.size(); i++) {
                Talk t = talks.get(i);
                String at = "talks[" + i + "]";
                key(at + ".id", t.id(), ids);
                text(at + ".title", t.title(), true, MAX_TITLE);
                text(at + ".abstract", t.summary(), false, MAX_TEXT);
                for (int j = 0; j < t.speakerIds().size(); j++) {
                    if (!speakerIds.contains(t.speakerIds().get(j))) {
                        add(at + ".speakerIds[" + j + "]", "unknown_speaker", "No speaker has this id");
                    }
                }
            }
        }
        return ids;
    }

    private void agenda(List<AgendaItem> agenda, Set<String> talkIds, LocalDateTime start, LocalDateTime end,
                        String zone) {
        if (!size("agenda", agenda, MAX_AGENDA)) {
            return;
        }
        for (int i = 0; i < agenda.size(); i++) {
            AgendaItem item = agenda.get(i);
            String at = "agenda[" + i + "]";
            required(at + ".start", item.start());
            inYears(at + ".start", item.start());
            inYears(at + ".end", item.end());
            if (zone != null && item.start() != null) {
                localTimeExists(at + ".start", item.start(), zone);
            }
            if (zone != null && item.end() != null) {
                localTimeExists(at + ".end", item.end(), zone);
            }
            text(at + ".title", item.title(), true, MAX_TITLE);
            required(at + ".kind", item.kind());
            if (item.start() != null && item.end() != null && !item.end().isAfter(item.start())) {
                add(at + ".end", "before_start", "The end must be after the start");
            }
            if (start != null && item.start() != null
                    && (item.start().isBefore(start) || !item.start().isBefore(end))) {
                add(at + ".start", "outside_event", "Agenda items start within the event's times");
            }
            if (end != null && item.end() != null && item.end().isAfter(end)) {
                add(at + ".end", "outside_event", "Agenda items end by the event's end (leave the end empty for \"late\")");
            }
            if (item.talkId() != null && !talkIds.contains(item.talkId())) {
                add(at + ".talkId", "unknown_talk", "No talk has this id");
            }
        }
    }

    /** An outside link, or the path of an upload the API named ({@link Image#UPLOAD}); nothing else. */
    private void cover(Image cover) {
        if (cover == null) {
            return;
        }
        if (cover.url() == null || cover.url().isBlank()) {
            add("cover.url", "required", "Give the picture's web address or upload one");
        } else if (!cover.uploaded() && !SafeUrl.isSafe(cover.url())) {
            add("cover.url", "invalid_url", "Use a full http:// or https:// link, or upload the picture");
        }
        text("cover.alt", cover.alt(), false, MAX_ALT);
    }

    private void sponsors(List<Sponsor> sponsors) {
        if (size("sponsors", sponsors, MAX_SPONSORS)) {
            for (int i = 0; i < sponsors.size(); i++) {
                Sponsor s = sponsors.get(i);
                String at = "sponsors[" + i + "]";
                text(at + ".name", s.name(), true, MAX_NAME);
                url(at + ".url", s.url(), false);
                text(at + ".provides", s.provides(), false, MAX_TEXT);
            }
        }
    }

    private void tickets(List<TicketLink> tickets) {
        if (size("tickets", tickets, MAX_TICKETS)) {
            for (int i = 0; i < tickets.size(); i++) {
                TicketLink t = tickets.get(i);
                String at = "tickets[" + i + "]";
                text(at + ".label", t.label(), true, MAX_NAME);
                url(at + ".url", t.url(), true);
                if (t.free() && t.price() != null && t.price().signum() != 0) {
                    add(at + ".price", "free_with_price", "A free ticket has no price");
                } else if (!t.free() && t.price() == null) {
                    add(at + ".price", "required", "Give a price, or mark the ticket free");
                } else if (t.price() != null && (t.price().signum() < 0
                        || t.price().compareTo(BigDecimal.valueOf(100_000)) > 0 || t.price().scale() > 2)) {
                    add(at + ".price", "out_of_range", "A price is between 0 and 100000 with at most 2 decimals");
                }
                if (t.price() != null && (t.currency() == null || t.currency().isBlank())) {
                    add(at + ".currency", "required", "Give the currency of a paid ticket, such as GBP");
                } else if (t.price() != null && !CURRENCY.matcher(t.currency()).matches()) {
                    add(at + ".currency", "invalid_format", "Use an ISO 4217 currency code such as GBP");
                }
            }
        }
    }

    private void strings(String field, List<String> values, int max, Pattern format, String message) {
        if (size(field, values, max)) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (!format.matcher(v).matches()) {
                    add(field + "[" + i + "]", "invalid_format", message);
                } else if (!seen.add(v)) {
                    add(field + "[" + i + "]", "duplicate", "Listed twice");
                }
            }
        }
    }

    private void key(String field, String id, Set<String> seen) {
        if (id == null || id.isBlank()) {
            add(field, "required", "An id is required");
        } else if (id.length() > 64 || !KEY.matcher(id).matches()) {
            add(field, "invalid_format", "Use lower-case letters, digits and hyphens, at most 64 characters");
        } else if (!seen.add(id)) {
            add(field, "duplicate", "Another entry has this id");
        }
    }

    private boolean size(String field, List<?> list, int max) {
        if (list.size() > max) {
            add(field, "too_many", "At most " + max + " entries");
            return false;
        }
        return true;
    }

    private void text(String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "required", "This field is required");
            }
        } else if (value.length() > max) {
            add(field, "too_long", "At most " + max + " characters");
        } else if (!CleanText.isClean(value)) {
            add(field, "invalid_characters", "Control characters, Unicode non-characters and U+FFFD (text that was "
                    + "not valid UTF-8) are not allowed");
        }
    }

    private void url(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "required", "A link is required");
            }
        } else if (!SafeUrl.isSafe(value)) {
            add(field, "invalid_url", "Use a full http:// or https:// link");
        }
    }

    private void required(String field, Object value) {
        if (value == null) {
            add(field, "required", "This field is required");
        }
    }

    private void add(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
    }
}
