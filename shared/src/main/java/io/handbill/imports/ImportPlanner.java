package io.handbill.imports;

import io.handbill.model.AgendaItem;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.model.EventStatus;
import io.handbill.model.ImportRecord;
import io.handbill.model.Slugs;
import io.handbill.model.Speaker;
import io.handbill.model.Sponsor;
import io.handbill.model.Talk;
import io.handbill.model.TicketLink;
import io.handbill.model.Venue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Works out, once, what importing a source will do to the events there are, so that a dry run reports exactly what
 * the real run then does.
 *
 * <p>An event is the source's when its import record names the same source UID (or, for Hugo posts, it has the
 * post's slug or one of its old links). Each tracked field is then decided by comparing three values: the source's,
 * the event's, and the fingerprint of what the last import wrote. A field still as the import left it takes the
 * source's value; one that differs from that fingerprint was edited in Handbill and is kept (unless
 * {@code overwrite}); an empty field is filled. An event without a record (made in the admin form, or imported before
 * records existed) counts as edited throughout, so only its empty fields are filled.
 */
public final class ImportPlanner {
    static final String RECORD = "import record";

    private final List<Event> existing;
    private final boolean overwrite;
    private final Set<String> claimedIds = new HashSet<>();
    private final Set<String> slugs = new HashSet<>();

    private ImportPlanner(List<Event> existing, boolean overwrite) {
        this.existing = existing;
        this.overwrite = overwrite;
        existing.forEach(e -> slugs.add(e.slug()));
    }

    /**
     * @param fromThisSource which of the existing imported events this source accounts for: those it no longer
     *                       lists are reported as vanished (and left alone)
     */
    public static ImportPlan plan(List<ImportedEvent> incoming, List<Event> existing, boolean overwrite,
                                  Predicate<Event> fromThisSource) {
        var planner = new ImportPlanner(List.copyOf(existing), overwrite);
        var items = new ArrayList<PlannedImport>();
        var uids = new HashSet<String>();
        for (ImportedEvent event : incoming) {
            if (!uids.add(event.sourceUid())) {
                continue;
            }
            items.add(planner.planOne(event));
        }
        List<Event> vanished = existing.stream()
                .filter(e -> e.imported() != null && !uids.contains(e.imported().sourceUid()))
                .filter(e -> !planner.claimedIds.contains(e.id()))
                .filter(fromThisSource).toList();
        return new ImportPlan(items, vanished);
    }

    private PlannedImport planOne(ImportedEvent in) {
        Optional<Event> match = find(in);
        if (match.isEmpty()) {
            EventDraft draft = in.draft().withSlug(freeSlug(in.draft()))
                    .withImported(new ImportRecord(in.sourceUid(), Fingerprints.of(in.draft())));
            slugs.add(draft.slug());
            return new PlannedImport(in, PlannedImport.Action.CREATE, null, draft, List.of(), List.of(),
                    in.status() != EventStatus.DRAFT, in.status() == EventStatus.CANCELLED, List.of());
        }
        Event current = match.get();
        claimedIds.add(current.id());
        return update(in, current);
    }

    private PlannedImport update(ImportedEvent in, Event current) {
        EventDraft now = current.draft();
        EventDraft offered = OrganiserAdditions.keep(in.draft(), now);
        Map<String, Object> ours = Fingerprints.values(now);
        Map<String, Object> theirs = Fingerprints.values(offered);
        Map<String, String> lastWritten = current.imported() == null ? Map.of() : current.imported().fingerprints();
        var chosen = new LinkedHashMap<String, Object>();
        var changed = new ArrayList<String>();
        var kept = new ArrayList<String>();
        for (String field : ImportRecord.FIELDS) {
            Object mine = ours.get(field);
            Object source = theirs.get(field);
            String mineHash = Fingerprints.hash(mine);
            if (mineHash.equals(Fingerprints.hash(source))) {
                chosen.put(field, mine);
            } else if (overwrite || Fingerprints.isEmpty(mine) || mineHash.equals(lastWritten.get(field))) {
                chosen.put(field, source);
                changed.add(field);
            } else {
                chosen.put(field, mine);
                kept.add(field);
            }
        }
        if (changed.contains("when") && !changed.contains("agenda") && now.start() != null && offered.start() != null) {
            // the organiser's own programme moves with the event the source moved
            chosen.put("agenda", shift(now.agenda(), Duration.between(now.start(), offered.start())));
        }
        ImportRecord record = new ImportRecord(in.sourceUid(), Fingerprints.of(offered));
        EventDraft write = draft(current.slug(), chosen, offered.aliases(), record);
        if (!write.aliases().equals(now.aliases())) {
            changed.add("aliases");
        }
        // a record is written with the next real change; alone, only when the event has none from this source yet
        if (changed.isEmpty() && (current.imported() == null
                || !current.imported().sourceUid().equals(in.sourceUid()))) {
            changed.add(RECORD);
        }
        boolean publish = in.status() == EventStatus.PUBLISHED && current.status() == EventStatus.DRAFT;
        boolean cancel = in.status() == EventStatus.CANCELLED && current.status() == EventStatus.PUBLISHED;
        var notes = new ArrayList<String>();
        if (in.status() == EventStatus.PUBLISHED && current.status() == EventStatus.CANCELLED) {
            notes.add("cancelled in Handbill, on in the source: left cancelled");
        }
        if (in.status() == EventStatus.CANCELLED && current.status() == EventStatus.DRAFT) {
            notes.add("cancelled in the source, a draft in Handbill: left a draft");
        }
        boolean writes = !changed.isEmpty();
        var action = writes || publish || cancel ? PlannedImport.Action.UPDATE : PlannedImport.Action.UNCHANGED;
        return new PlannedImport(in, action, current, writes ? write : null, changed, kept, publish, cancel, notes);
    }

    @SuppressWarnings("unchecked")
    private static EventDraft draft(String slug, Map<String, Object> f, List<String> aliases, ImportRecord record) {
        List<Object> when = (List<Object>) f.get("when");
        return EventDraft.builder().slug(slug).title((String) f.get("title")).summary((String) f.get("summary"))
                .description((String) f.get("description")).start((LocalDateTime) when.get(0))
                .end((LocalDateTime) when.get(1)).timeZone((String) when.get(2)).venue((Venue) f.get("venue"))
                .agenda((List<AgendaItem>) f.get("agenda"))
                .talks((List<Talk>) f.get("talks")).speakers((List<Speaker>) f.get("speakers"))
                .sponsors((List<Sponsor>) f.get("sponsors")).tickets((List<TicketLink>) f.get("tickets"))
                .codeOfConductUrl((String) f.get("codeOfConductUrl")).tags((List<String>) f.get("tags"))
                .aliases(aliases).imported(record).build();
    }

    private static List<AgendaItem> shift(List<AgendaItem> agenda, Duration by) {
        return agenda.stream().map(a -> a.movedBy(by)).toList();
    }

    private Optional<Event> find(ImportedEvent in) {
        Predicate<Event> free = e -> !claimedIds.contains(e.id());
        Optional<Event> byUid = existing.stream().filter(free)
                .filter(e -> e.imported() != null && e.imported().sourceUid().equals(in.sourceUid())).findFirst();
        if (byUid.isPresent() || !in.matchBySlug()) {
            return byUid;
        }
        EventDraft d = in.draft();
        return existing.stream().filter(free).filter(e -> e.slug().equals(d.slug())).findFirst()
                .or(() -> existing.stream().filter(free)
                        .filter(e -> e.aliases().stream().anyMatch(d.aliases()::contains)).findFirst());
    }

    /** The slug the event-api would give it, worked out here so that the dry run can name it. */
    private String freeSlug(EventDraft d) {
        if (d.slug() != null) {
            return d.slug();
        }
        String base = Slugs.from(d.start().toLocalDate(), d.title());
        String slug = base;
        for (int n = 2; slugs.contains(slug); n++) {
            slug = Slugs.numbered(base, n);
        }
        return slug;
    }
}
