package io.handbill.local.importer;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.handbill.fixtures.TestClock;
import io.handbill.icsfeed.IcsFeedConfig;
import io.handbill.icsfeed.IcsFeedHandler;
import io.handbill.model.Event;
import io.handbill.model.EventStatus;
import io.handbill.model.SiteConfig;
import io.handbill.reminder.ReminderEmailConfig;
import io.handbill.reminder.SendRemindersHandler;
import io.handbill.store.EventListing;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.sync.ics.IcsImport;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * iCalendar feeds in the shapes Meetup, Luma, Eventbrite and Outlook publish, imported by the command over HTTP
 * into the real event-api on dynalite, then read back through our own calendar feed and mailed about by the real
 * reminder sweep through the SES stub.
 */
@ExtendWith(LocalAwsExtension.class)
class FeedImportIT {
    static final Path FEEDS = Path.of("../../functions/feed-sync/src/test/resources/feeds");
    private static final String TOKEN = "feed-import-it-token";
    private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org", "Leeds DevOps",
            "organisers@example.org");
    private static final String SECRET = "feed-import-it-secret-0123456789";
    private static final List<String> ALL = List.of("meetup-group.ics", "luma.ics", "eventbrite.ics",
            "windows-tzid.ics", "recurring.ics");

    private final LocalAws aws;
    private final TestClock clock = new TestClock(NOW);
    private EventApiOverHttp api;
    private String printed;
    private String errors;

    FeedImportIT(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void startApi() throws IOException {
        api = EventApiOverHttp.start(aws, clock, TOKEN);
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void meetupGroupFeed_importsTwelveEvents_oneOfThemCancelled_andImportingAgainChangesNothing() {
        int status = importFeeds(List.of("meetup-group.ics"));

        assertThat(status).isZero();
        assertThat(printed).endsWith("1 feed (12 events): 12 created, 0 updated, 0 unchanged, 0 skipped, 0 failed"
                + System.lineSeparator());
        assertThat(stored()).hasSize(12);
        assertThat(stored()).filteredOn(e -> e.status() == EventStatus.CANCELLED).extracting(Event::title,
                Event::cancelReason).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "Leeds DevOps: Chaos engineering", "Cancelled on Meetup"));
        assertThat(stored()).allSatisfy(e -> assertThat(e.imported().sourceUid()).endsWith("@meetup.com"));
        List<Event> first = stored();

        int again = importFeeds(List.of("meetup-group.ics"));

        assertThat(again).isZero();
        assertThat(printed).endsWith("12 unchanged, 0 skipped, 0 failed" + System.lineSeparator());
        assertThat(stored()).usingRecursiveFieldByFieldElementComparator().containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void roundTrip_everyPlatformsFeed_throughOurCalendarIcs_givesTheSameInstantsAndTitles_inIcal4jAndBiweekly()
            throws Exception {
        assertThat(importFeeds(ALL)).isZero();

        String ours = calendarIcs();

        Set<String> expected = new HashSet<>();
        for (String name : ALL) {
            IcsImport.read(Files.readString(FEEDS.resolve(name)), name, window()).events()
                    .forEach(e -> expected.add(e.draft().start().atZone(ZoneId.of(e.draft().timeZone())).toInstant()
                            + " " + e.draft().title()));
        }
        assertThat(expected).hasSize(12 + 3 + 1 + 3 + 5);
        assertThat(startsAndTitlesByIcal4j(ours)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(startsAndTitlesByBiweekly(ours)).containsExactlyInAnyOrderElementsOf(expected);
        // and, for the feeds an independent parser can read as they are, the source says the same
        for (String name : List.of("meetup-group.ics", "luma.ics", "eventbrite.ics", "recurring.ics")) {
            Set<String> source = startsAndTitlesByIcal4j(Files.readString(FEEDS.resolve(name)));
            if (!name.equals("recurring.ics")) {
                assertThat(expected).as(name).containsAll(source);
            }
        }
    }

    @Test
    void reimportAfterTheFeedChanged_oneMailPerRealChange_throughTheChangeMailPath_andNothingTwice() {
        givenConfirmedSubscriber("ann@example.org");
        importFeeds(List.of("meetup-group.ics"));
        sweep();
        int afterFirstImport = aws.sentEmails().size();

        // the feed now: Apr moved from 18:30 to 19:30, Feb cancelled, Jan gone
        int status = importFeeds(List.of("meetup-group-changed.ics"));

        assertThat(status).isZero();
        assertThat(printed).contains(": updated \"Leeds DevOps: Supply-chain security\" as ")
                .contains(": updated \"Leeds DevOps: FinOps for engineers\" as ")
                .contains("event_310000008@meetup.com: no longer in the feed: \"Leeds DevOps: Secrets management\"")
                .endsWith("1 feed (11 events): 0 created, 2 updated, 9 unchanged, 0 skipped, 0 failed, "
                        + "1 no longer in the feed" + System.lineSeparator());
        assertThat(stored()).hasSize(12);
        sweep();
        List<String> subjects = subjectsSince(afterFirstImport);
        assertThat(subjects).hasSize(2);
        assertThat(subjects).anyMatch(s -> s.contains("Supply-chain security"))
                .anyMatch(s -> s.contains("FinOps for engineers"));

        importFeeds(List.of("meetup-group-changed.ics"));
        sweep();

        assertThat(printed).contains("0 updated, 11 unchanged");
        assertThat(aws.sentEmails()).hasSize(afterFirstImport + 2);
    }

    @Test
    void dryRun_changesNothing_andTheRealRunThenDoesExactlyWhatItSaid() {
        importFeeds(List.of("meetup-group.ics"));
        List<Map<String, AttributeValue>> before = scanAll();

        int dry = importFeeds(List.of("meetup-group-changed.ics"), "--dry-run");
        String plan = printed;

        assertThat(dry).isZero();
        assertThat(scanAll()).isEqualTo(before);
        assertThat(plan).contains(": would update \"Leeds DevOps: Supply-chain security\" as 2027-04-13-leeds-devops-"
                + "supply-chain-security (published, id ").contains("): when").contains("): cancel");
        importFeeds(List.of("meetup-group-changed.ics"));
        assertThat(eventLines(printed.replace(": updated ", ": would update "))).isEqualTo(eventLines(plan));
        assertThat(lastLine(plan)).isEqualTo("1 feed (11 events): 0 would be created, 2 would be updated, 9 unchanged, "
                + "0 skipped, 0 failed, 1 no longer in the feed");
        assertThat(lastLine(printed)).isEqualTo(lastLine(plan).replace(" would be", ""));
    }

    @Test
    void feedThatIsNotICalendar_isOneClearError_andChangesNothing(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        importFeeds(List.of("luma.ics"));
        List<Map<String, AttributeValue>> before = scanAll();
        Path page = Files.writeString(dir.resolve("events.ics"), "<!doctype html><title>Log in</title>");

        int status = run("--ics", page.toString(), "--ics", FEEDS.resolve("eventbrite.ics").toString());

        assertThat(status).isEqualTo(1);
        assertThat(errors).isEqualTo("error: " + page + ": not an iCalendar file (line 1: Error at line 1:Expected "
                + "[BEGIN], read [<!doctype html><title>Log in</title>]); nothing imported" + System.lineSeparator());
        assertThat(scanAll()).isEqualTo(before);
    }

    private static List<String> eventLines(String output) {
        List<String> lines = output.lines().toList();
        return lines.subList(0, lines.size() - 1);
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().toList();
        return lines.get(lines.size() - 1);
    }

    private void sweep() {
        clock.advance(Duration.ofMinutes(15));
        var config = ReminderEmailConfig.from(Map.of("EVENTS_TABLE", aws.tableName(), "SITE_URL", SITE.siteUrl(),
                "GROUP_NAME", SITE.groupName(), "ORGANISER_EMAIL", SITE.organiserEmail(),
                "SENDER_EMAIL", "events@example.org", "REMINDER_WINDOWS", "P7D,PT24H", "ANNOUNCE_NEW_EVENTS", "true",
                "HMAC_SECRET", SECRET, "SEND_RATE_PER_SECOND", "1000"));
        new SendRemindersHandler(config, aws.dynamoDb(), aws.sesV2(), clock)
                .handleRequest(new ScheduledEvent().withSource("aws.scheduler"), null);
    }

    private List<String> subjectsSince(int index) {
        var subjects = new ArrayList<String>();
        for (var mail : aws.sentEmails().subList(index, aws.sentEmails().size())) {
            String raw = new String(mail.raw(), StandardCharsets.UTF_8);
            String headers = raw.substring(0, raw.indexOf("\r\n\r\n")).replaceAll("\r\n[ \t]+", " ");
            headers.lines().filter(l -> l.startsWith("Subject: ")).findFirst().ifPresent(l -> subjects.add(
                    decode(l.substring("Subject: ".length()))));
        }
        return subjects;
    }

    private static String decode(String header) {
        try {
            return jakarta.mail.internet.MimeUtility.decodeText(header);
        } catch (java.io.UnsupportedEncodingException e) {
            return header;
        }
    }

    private void givenConfirmedSubscriber(String email) {
        var subscribers = new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName());
        Subscriber pending = Subscriber.pending(email, NOW.minus(Duration.ofDays(2)));
        subscribers.create(pending);
        subscribers.update(pending.confirm(NOW.minus(Duration.ofDays(2))));
    }

    private String calendarIcs() {
        var request = new APIGatewayV2HTTPEvent();
        request.setRouteKey("GET /calendar.ics");
        request.setRawPath("/calendar.ics");
        request.setHeaders(Map.of());
        var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod("GET");
        http.setPath("/calendar.ics");
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setHttp(http);
        context.setRequestId("feed-import-it");
        request.setRequestContext(context);
        var response = new IcsFeedHandler(aws.eventStore(), SITE, clock, IcsFeedConfig.DEFAULT_PAST_DAYS)
                .handleRequest(request, null);
        assertThat(response.getStatusCode()).isEqualTo(200);
        return response.getBody();
    }

    private static Set<String> startsAndTitlesByIcal4j(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        Set<String> seen = new HashSet<>();
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RECURRENCE_ID).isPresent()) {
                continue;
            }
            Temporal start = event.<DtStart<Temporal>>getProperty(Property.DTSTART).orElseThrow().getDate();
            Instant instant = start instanceof ZonedDateTime z ? z.toInstant()
                    : start instanceof OffsetDateTime o ? o.toInstant() : Instant.from(start);
            boolean cancelled = event.getProperty(Property.STATUS).map(p -> p.getValue().equals("CANCELLED"))
                    .orElse(false);
            seen.add(instant + " " + title(event.getProperty(Property.SUMMARY).orElseThrow().getValue(), cancelled));
        }
        return seen;
    }

    private static Set<String> startsAndTitlesByBiweekly(String ics) {
        ICalendar calendar = Biweekly.parse(ics).first();
        return calendar.getEvents().stream().map(e -> e.getDateStart().getValue().toInstant() + " "
                + title(e.getSummary().getValue(), e.getStatus() != null && e.getStatus().isCancelled()))
                .collect(Collectors.toSet());
    }

    /** Our feed marks a cancelled event's title too, for calendar apps that do not show STATUS. */
    private static String title(String summary, boolean cancelled) {
        return cancelled ? summary.replaceFirst("^Cancelled: ", "") : summary;
    }

    private static IcsImport.Options window() {
        return new IcsImport.Options(ZoneId.of("Europe/London"), Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2028-01-01T00:00:00Z"));
    }

    private int importFeeds(List<String> names, String... options) {
        var args = new ArrayList<>(List.of(options));
        names.forEach(n -> args.addAll(List.of("--ics", FEEDS.resolve(n).toString())));
        return run(args.toArray(String[]::new));
    }

    private int run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var all = new ArrayList<>(List.of("--api", api.apiUrl().toString(), "--token", TOKEN, "--from", "2026-01-01",
                "--to", "2027-12-31"));
        all.addAll(List.of(args));
        int status = ImportCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        printed = out.toString(StandardCharsets.UTF_8);
        errors = err.toString(StandardCharsets.UTF_8);
        return status;
    }

    /** Every item of the table, events, slugs, idempotency keys and mail ledger alike, in key order. */
    private List<Map<String, AttributeValue>> scanAll() {
        return aws.dynamoDb().scanPaginator(r -> r.tableName(aws.tableName()).consistentRead(true)).items().stream()
                .sorted(java.util.Comparator.comparing((Map<String, AttributeValue> i) -> i.get("pk").s())
                        .thenComparing(i -> i.get("sk").s())).toList();
    }

    private List<Event> stored() {
        return aws.eventStore().list(new EventListing(null, EventListing.When.ALL, clock.instant(), null, 100)).items();
    }
}
