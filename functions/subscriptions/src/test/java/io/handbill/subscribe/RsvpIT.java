package io.handbill.subscribe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.fixtures.TestClock;
import io.handbill.log.CapturedStdout;
import io.handbill.mail.MailSender;
import io.handbill.mail.SendRate;
import io.handbill.mail.SesConfig;
import io.handbill.subscriber.TokenSecretConfig;
import io.handbill.mail.SesMailSender;
import io.handbill.model.Event;
import io.handbill.model.RsvpSettings;
import io.handbill.model.SiteConfig;
import io.handbill.rsvp.Attendee;
import io.handbill.rsvp.AttendeeState;
import io.handbill.rsvp.DynamoDbRsvpStore;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import io.handbill.testkit.LocalAwsTest;
import io.handbill.testkit.SentEmail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RSVPs end to end on dynalite and the SES v2 stub: the flow, capacity under concurrency, crashes, bad tokens. */
class RsvpIT extends LocalAwsTest {
    private static final byte[] SECRET = "integration-test-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final SiteConfig SITE = new SiteConfig("https://events.example.org", "Leeds DevOps",
            "organisers@example.org");
    private static final Pattern LINK = Pattern.compile(
            "https://events\\.example\\.org/api/rsvps/(confirm|cancel)\\?token=([A-Za-z0-9_.-]+)");
    private static final Map<String, String> ORGANISER = Map.of("sub", "u1", "cognito:groups", "[organisers]");
    private static final LocalDateTime START = LocalDateTime.parse("2017-09-26T18:00");

    private final TestClock clock = new TestClock(Instant.parse("2017-09-20T10:00:00Z"));
    private final SubscriberTokens tokens = new SubscriberTokens(SECRET);
    private DynamoDbEventStore events;
    private DynamoDbRsvpStore store;
    private SubscriptionsHandler handler;

    @BeforeEach
    void wire() {
        events = new DynamoDbEventStore(aws.dynamoDb(), aws.tableName());
        store = new DynamoDbRsvpStore(aws.dynamoDb(), aws.tableName());
        var config = new SubscriptionsConfig(aws.tableName(), SITE, "events@example.org", new SesConfig(null, 1000),
                new TokenSecretConfig(new String(SECRET, StandardCharsets.UTF_8), null), "organisers");
        handler = new SubscriptionsHandler(config, new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName()), store,
                events, new DynamoDbCooldownStore(aws.dynamoDb(), aws.tableName()), ses(), clock);
    }

    @Test
    void askConfirmWaitlistCancel_promotesTheWaitlistedWithAnInvitation() throws Exception {
        Event event = event("flow", 1, null);

        var asked = handler.handleRequest(form("POST", "/api/rsvps", "event=" + event.slug()
                + "&name=Ann+Lee&email=ann%40example.org&answer=Vegetarian"), null);
        assertThat(asked.getStatusCode()).isEqualTo(200);
        assertThat(asked.getBody()).contains("Check your inbox");
        String annConfirm = link(lastMailTo("ann@example.org"), "confirm");

        // a link scanner's GET only shows the button
        var page = handler.handleRequest(get("/api/rsvps/confirm", Map.of("token", annConfirm)), null);
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("<button type=\"submit\">Confirm my place</button>");
        assertThat(states(event)).containsExactly("pending");

        var confirmed = handler.handleRequest(form("POST", "/api/rsvps/confirm", "token=" + annConfirm), null);
        assertThat(confirmed.getBody()).contains("You're going");
        String invitation = lastMailTo("ann@example.org");
        assertThat(invitation).contains("method=REQUEST", "METHOD:REQUEST", "PARTSTAT=ACCEPTED",
                "mailto:ann@example.org", "ORGANIZER;CN=", "mailto:organisers@example.org", "ATTENDEE;CN=",
                "UID:" + event.id() + "@events.example.org");
        String annCancel = link(invitation, "cancel");

        var json = handler.handleRequest(json("/api/rsvps", "{\"event\":\"" + event.slug()
                + "\",\"name\":\"Bob\",\"email\":\"bob@example.org\"}"), null);
        assertThat(json.getStatusCode()).isEqualTo(202);
        handler.handleRequest(form("POST", "/api/rsvps/confirm", "token=" + link(lastMailTo("bob@example.org"),
                "confirm")), null);
        assertThat(lastMailTo("bob@example.org")).contains("On the waitlist");
        var availability = handler.handleRequest(get("/api/events/" + event.slug() + "/availability",
                Map.of(), Map.of("id", event.slug())), null);
        assertThat(availability.getBody()).contains("\"status\":\"waitlist\"", "\"placesLeft\":0");
        assertThat(availability.getHeaders()).containsEntry("Cache-Control", "public, max-age=5, s-maxage=5");

        handler.handleRequest(form("POST", "/api/rsvps/cancel", "token=" + annCancel), null);
        handler.handleRequest(form("POST", "/api/rsvps/cancel", "token=" + annCancel), null);

        // the CANCEL takes back the invitation Ann accepted: same UID, a SEQUENCE above the REQUEST's
        String cancelMail = lastMailTo("ann@example.org");
        assertThat(cancelMail).contains("RSVP cancelled", "method=CANCEL", "METHOD:CANCEL",
                "STATUS:CANCELLED", "UID:" + event.id() + "@events.example.org");
        assertThat(sequence(cancelMail)).isGreaterThan(sequence(invitation));
        String promoted = lastMailTo("bob@example.org");
        assertThat(promoted).contains("You're in", "METHOD:REQUEST", "mailto:bob@example.org");
        var csv = handler.handleRequest(admin("GET", "/api/events/" + event.id() + "/attendees",
                Map.of("id", event.id()), Map.of("format", "csv")), null);
        assertThat(csv.getBody()).startsWith(AttendeeList.CSV_HEADER)
                .contains("Ann Lee,ann@example.org,cancelled,Vegetarian", "Bob,bob@example.org,going,");
        assertThat(store.going(event.id())).isEqualTo(1);

        // Ann RSVPs again after the mailbox window and gets a place when Bob leaves: her new invitation must
        // outrank the CANCEL her calendar holds, or it would be ignored
        clock.advance(SubscribeLimits.MAILBOX_WINDOW);
        handler.handleRequest(form("POST", "/api/rsvps", "event=" + event.slug()
                + "&name=Ann+Lee&email=ann%40example.org"), null);
        handler.handleRequest(form("POST", "/api/rsvps/confirm", "token=" + link(lastMailTo("ann@example.org"),
                "confirm")), null);
        handler.handleRequest(form("POST", "/api/rsvps/cancel", "token=" + link(promoted, "cancel")), null);
        String again = lastMailTo("ann@example.org");
        assertThat(again).contains("You're in", "METHOD:REQUEST", "UID:" + event.id() + "@events.example.org");
        assertThat(sequence(again)).isGreaterThan(sequence(cancelMail));
    }

    @Test
    void rsvpRequests_areLimitedPerClient_andOneMailboxGetsOneConfirmationPerEventAndWindow() {
        Event event = event("limits", 100, null);
        Event other = event("limits-other", 100, null);
        List<Integer> statuses = new ArrayList<>();
        String logs;
        try (var stdout = CapturedStdout.start()) {
            // one client, many addresses: its allowance, then 429 with Retry-After and nothing stored
            for (int n = 0; n < SubscribeLimits.CLIENT_LIMIT + 3; n++) {
                statuses.add(handler.handleRequest(ask(event, "person" + n + "@example.org", "203.0.113.7"), null)
                        .getStatusCode());
            }
            var refused = handler.handleRequest(ask(event, "late@example.org", "203.0.113.7"), null);
            assertThat(refused.getStatusCode()).isEqualTo(429);
            assertThat(refused.getHeaders()).containsEntry("Retry-After", "600")
                    .containsEntry("Content-Type", "application/problem+json");
            var page = handler.handleRequest(form("POST", "/api/rsvps", "event=" + event.slug()
                    + "&name=Late&email=late%40example.org"), null);
            // the plain form post (no source IP in this request) is its own client: allowed
            assertThat(page.getStatusCode()).isEqualTo(200);

            // one mailbox, spelt four ways from four clients: one confirmation mail for this event...
            List<String> spellings = List.of("Victim@gmail.com", "v.ictim@gmail.com", "victim+rsvp@googlemail.com",
                    "VICTIM+1@GMAIL.COM");
            for (int i = 0; i < spellings.size(); i++) {
                assertThat(handler.handleRequest(ask(event, spellings.get(i), "198.51.100." + i), null)
                        .getStatusCode()).isEqualTo(202);
            }
            // ...while another event may mail the same mailbox, and the next window may mail it again
            handler.handleRequest(ask(other, "victim@gmail.com", "198.51.100.9"), null);
            clock.advance(SubscribeLimits.MAILBOX_WINDOW);
            handler.handleRequest(ask(event, "victim@gmail.com", "198.51.100.9"), null);
            logs = stdout.text();
        }

        assertThat(statuses.subList(0, SubscribeLimits.CLIENT_LIMIT)).containsOnly(202);
        assertThat(statuses.subList(SubscribeLimits.CLIENT_LIMIT, statuses.size())).containsOnly(429);
        assertThat(store.get(event.id(), service(store, ses()).attendeeId(event.id(), "person21@example.org")))
                .isEmpty();
        long victimMails = aws.sentEmails().stream().filter(m -> new String(m.raw(), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT).contains("\r\nto: v")).count();
        assertThat(victimMails).isEqualTo(3);
        assertThat(aws.sentEmails()).hasSize(SubscribeLimits.CLIENT_LIMIT + 1 + 3);
        assertThat(logs).contains("over the client limit", "within the mailbox cooldown")
                .doesNotContain("@example.org", "@gmail.com", "@googlemail.com", "203.0.113.7");
    }

    @Test
    void oneMailbox_holdsOnePlace_howeverTheAddressIsSpelt_andTheSecondAskIsAnsweredAlike() {
        Event event = event("one-place", 10, null);
        List<List<String>> people = List.of(List.of("ann@example.com", "ann+1@example.com"),
                List.of("a.n.n@gmail.com", "ann@gmail.com"));
        int ip = 0;
        for (List<String> spellings : people) {
            var first = handler.handleRequest(ask(event, spellings.get(0), "198.51.100." + ip++), null);
            handler.handleRequest(form("POST", "/api/rsvps/confirm", "token=" + link(lastMailTo(spellings.get(0)),
                    "confirm")), null);
            // past the mailbox window, so only the attendee key can tell it is the same person
            clock.advance(SubscribeLimits.MAILBOX_WINDOW);
            var second = handler.handleRequest(ask(event, spellings.get(1), "198.51.100." + ip++), null);
            assertThat(second.getStatusCode()).isEqualTo(first.getStatusCode()).isEqualTo(202);
            assertThat(second.getBody()).isEqualTo(first.getBody());
            // the mail goes to the address they typed; its link confirms the place they already hold
            handler.handleRequest(form("POST", "/api/rsvps/confirm", "token=" + link(lastMailTo(spellings.get(1)),
                    "confirm")), null);
        }
        assertThat(states(event)).containsExactly("going", "going");
        assertThat(store.going(event.id())).isEqualTo(2);
    }

    @Test
    void aCancellationThatPromotes_logsOneInfoLine_perPlaceDetailsAtDebug() {
        Event event = event("one-line", 1, null);
        String cancel = goingAndWaitlisted(event);

        String logs;
        try (var stdout = CapturedStdout.start()) {
            // the place given back and the promotion are two places, one request
            handler.handleRequest(form("POST", "/api/rsvps/cancel", "token=" + cancel), null);
            logs = stdout.text();
        }

        assertThat(states(event)).containsExactly("cancelled", "going");
        assertThat(logs.lines().filter(line -> line.contains("\"logger\":\"" + RsvpService.class.getName() + "\"")
                && line.contains("\"level\":\"INFO\""))).hasSize(1);
    }

    @Test
    void aRejectedRsvpMail_isLoggedWithItsCode_notTheAddress() {
        Event event = event("rejected", 5, null);
        aws.ses().rejectRecipient("bounced@example.org");

        String logs;
        try (var stdout = CapturedStdout.start()) {
            assertThat(handler.handleRequest(ask(event, "bounced@example.org", "198.51.100.1"), null)
                    .getStatusCode()).isEqualTo(202);
            logs = stdout.text();
        }

        assertThat(logs).contains("rejected: MessageRejected").doesNotContain("bounced@", "suppression list");
    }

    @Test
    void fiftyConcurrentConfirmations_forTenPlaces_giveExactlyTenGoing_twentyTimesOver() throws Exception {
        var mails = Collections.synchronizedList(new ArrayList<String>());
        MailSender recording = (to, raw) -> {
            mails.add(to + " " + subject(raw));
            return "m-" + mails.size();
        };
        var service = service(store, recording);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            for (int round = 0; round < 20; round++) {
                Event event = event("rush-" + round, 10, null);
                List<String> confirmTokens = pending(event, 50);
                mails.clear();
                var start = new CountDownLatch(1);
                List<Future<RsvpService.Outcome>> outcomes = new ArrayList<>();
                for (String token : confirmTokens) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return service.confirm(token);
                    }));
                }
                start.countDown();
                for (Future<RsvpService.Outcome> outcome : outcomes) {
                    outcome.get();
                }
                assertThat(states(event)).as("round %d", round).filteredOn("going"::equals).hasSize(10);
                assertThat(states(event)).as("round %d", round).filteredOn("waitlisted"::equals).hasSize(40);
                assertThat(store.going(event.id())).isEqualTo(10);
                assertThat(mails).hasSize(50).doesNotHaveDuplicates();
                assertThat(mails.stream().filter(m -> m.contains("You're going"))).hasSize(10);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCrashAtAnyStepOfClaimOrPromotion_losesNoPlace_andSendsNoMailTwice() {
        for (boolean after : new boolean[]{false, true}) {
            for (int step = 1; ; step++) {
                // claim: the only free place
                Event claimEvent = event("crash-claim-" + step + "-" + after, 1, null);
                String token = pending(claimEvent, 1).get(0);
                boolean crashed = crashThenRetry(step, after, s -> s.confirm(token));
                assertThat(states(claimEvent)).as("claim, step %d after %s", step, after).containsExactly("going");
                assertThat(store.going(claimEvent.id())).isEqualTo(1);

                // promotion: A cancels, B is on the waitlist
                Event promoteEvent = event("crash-promote-" + step + "-" + after, 1, null);
                String cancel = goingAndWaitlisted(promoteEvent);
                crashed |= crashThenRetry(step, after, s -> s.cancel(cancel));
                assertThat(states(promoteEvent)).as("promote, step %d after %s", step, after)
                        .containsExactly("cancelled", "going");
                assertThat(store.going(promoteEvent.id())).isEqualTo(1);

                // each person got each mail once (a repeat after a crash carries the same Message-ID)
                Map<String, Long> byMessage = aws.sentEmails().stream()
                        .collect(Collectors.groupingBy(RsvpIT::messageId, Collectors.counting()));
                assertThat(byMessage.keySet().stream().filter(id -> id.startsWith("<rsvp.")).count())
                        .as("distinct RSVP mails, step %d", step).isEqualTo(5);
                aws.ses().reset();
                if (!crashed) {
                    break;
                }
            }
        }
    }

    private boolean crashThenRetry(int step, boolean after, java.util.function.Consumer<RsvpService> action) {
        var crashing = new CrashingRsvpStore(store);
        var service = service(crashing, crashing.sender(ses()));
        crashing.crashAt(step, after);
        try {
            action.accept(service);
        } catch (CrashingRsvpStore.Crash expected) {
            // the function died here
        }
        boolean crashed = crashing.crashed();
        crashing.disarm();
        // the retry comes after every lease ran out: the dead run's marks are taken over
        clock.advance(Duration.ofMinutes(3));
        action.accept(service);
        return crashed;
    }

    @Test
    void tamperedOrForeignTokens_are400or404_andChangeNothing() {
        Event event = event("tokens", 5, null);
        String good = pending(event, 1).get(0);
        String tampered = good.substring(0, good.length() - 2) + (good.endsWith("A") ? "BB" : "AA");
        String subscriptionToken = tokens.confirmToken("ann@example.org", clock.instant());
        String cancelAsConfirm = tokens.token(SubscriberTokens.Purpose.RSVP_CANCEL, event.id() + "/x", null);
        String otherEvent = tokens.token(SubscriberTokens.Purpose.RSVP_CONFIRM, "no-such-event/abc",
                clock.instant().plus(Duration.ofHours(1)));

        for (String bad : List.of(tampered, subscriptionToken, cancelAsConfirm, "", "a.b.c")) {
            var response = handler.handleRequest(form("POST", "/api/rsvps/confirm", "token=" + enc(bad)), null);
            assertThat(response.getStatusCode()).as(bad).isEqualTo(400);
        }
        assertThat(handler.handleRequest(form("POST", "/api/rsvps/confirm", "token=" + otherEvent), null)
                .getStatusCode()).isEqualTo(404);
        assertThat(handler.handleRequest(form("POST", "/api/rsvps/cancel", "token=" + enc(tampered)), null)
                .getStatusCode()).isEqualTo(400);
        var apiClient = request("POST", "POST /api/rsvps/confirm", "/api/rsvps/confirm",
                Map.of("content-type", "application/x-www-form-urlencoded", "accept", "application/json"),
                "token=" + enc(tampered), Map.of(), Map.of(), null);
        var problem = handler.handleRequest(apiClient, null);
        assertThat(problem.getStatusCode()).isEqualTo(400);
        assertThat(problem.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(problem.getBody()).contains("\"field\":\"token\"");
        assertThat(states(event)).containsExactly("pending");
        assertThat(store.going(event.id())).isZero();
        assertThat(aws.sentEmails()).isEmpty();
    }

    @Test
    void closedEvent_refusesRsvps_andPendingOnesStayPending() {
        Event closed = event("closed", 5, LocalDateTime.parse("2017-09-19T12:00"));
        var refused = handler.handleRequest(json("/api/rsvps", "{\"event\":\"" + closed.slug()
                + "\",\"name\":\"Ann\",\"email\":\"ann@example.org\"}"), null);
        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(refused.getBody()).contains("\"field\":\"event\"", "rsvp_closed");

        Event open = event("closing", 5, LocalDateTime.parse("2017-09-21T12:00"));
        String token = pending(open, 1).get(0);
        clock.advance(Duration.ofHours(27));
        var late = handler.handleRequest(form("POST", "/api/rsvps/confirm", "token=" + token), null);
        assertThat(late.getStatusCode()).isEqualTo(409);
        assertThat(states(open)).containsExactly("pending");

        var invalid = handler.handleRequest(json("/api/rsvps", "{\"event\":\"\",\"name\":\"\",\"email\":\"x\"}"),
                null);
        assertThat(invalid.getStatusCode()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("\"field\":\"event\"", "\"field\":\"name\"", "\"field\":\"email\"");
    }

    @Test
    void cancellations_promoteInConfirmationOrder() {
        Event event = event("order", 1, null);
        List<String> confirms = pending(event, 4);
        var service = service(store, ses());
        for (int i : new int[]{0, 2, 1, 3}) {
            service.confirm(confirms.get(i));
            clock.advance(Duration.ofSeconds(1));
        }
        List<String> ids = confirms.stream()
                .map(t -> tokens.verify(t, SubscriberTokens.Purpose.RSVP_CONFIRM, clock.instant())).toList();
        assertThat(stateOf(event, ids.get(0))).isEqualTo(AttendeeState.GOING);
        service.cancel(tokens.token(SubscriberTokens.Purpose.RSVP_CANCEL, ids.get(0), null));
        assertThat(stateOf(event, ids.get(2))).isEqualTo(AttendeeState.GOING);
        service.cancel(tokens.token(SubscriberTokens.Purpose.RSVP_CANCEL, ids.get(2), null));
        assertThat(stateOf(event, ids.get(1))).isEqualTo(AttendeeState.GOING);
        assertThat(stateOf(event, ids.get(3))).isEqualTo(AttendeeState.WAITLISTED);
    }

    @Test
    void attendeeCsv_hasOneRowPerPerson_withEveryState_andDefusesFormulas() {
        // given: a place for one; going, waitlisted, pending and cancelled people, one with formula-like text
        Event event = event("csv", 1, null);
        var service = service(store, ses());
        List<String> names = List.of("=HYPERLINK(\"https://evil.example\",\"Click\")", "Bob", "Cat", "Dan");
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String email = "p" + i + "@example.org";
            String id = service.attendeeId(event.id(), email);
            store.create(Attendee.pending(event.id(), id, email, names.get(i), i == 0 ? "@SUM(1+1)" : "+44 113",
                    clock.instant()), clock.instant().plus(Duration.ofHours(48)));
            keys.add(event.id() + "/" + id);
        }
        for (int i : new int[]{0, 1, 3}) {
            service.confirm(tokens.token(SubscriberTokens.Purpose.RSVP_CONFIRM, keys.get(i), clock.instant()
                    .plusSeconds(60)));
        }
        service.cancel(tokens.token(SubscriberTokens.Purpose.RSVP_CANCEL, keys.get(3), null));

        // when: asked with Accept: text/csv
        var csv = handler.handleRequest(request("GET", "GET /api/events/{id}/attendees",
                "/api/events/" + event.id() + "/attendees", Map.of("accept", "text/csv"), null, Map.of(),
                Map.of("id", event.id()), ORGANISER), null);

        // then
        assertThat(csv.getHeaders().get("Content-Type")).startsWith("text/csv");
        List<String> rows = List.of(csv.getBody().split("\r\n"));
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0)).isEqualTo(AttendeeList.CSV_HEADER);
        assertThat(rows.subList(1, 5)).extracting(row -> row.split(",")[0] + "|" + state(row))
                .containsExactlyInAnyOrder("\"'=HYPERLINK(\"\"https://evil.example\"\"|going", "Bob|waitlisted",
                        "Cat|pending", "Dan|cancelled");
        assertThat(rows.get(1)).contains(",'@SUM(1+1),");
        assertThat(csv.getBody()).contains(",'+44 113,").doesNotContain(",=", ",@", ",+");
    }

    /** The state column of an exported row (the only cell that can hold these words between commas here). */
    private static String state(String row) {
        Matcher m = Pattern.compile(",(going|waitlisted|pending|cancelled),").matcher(row);
        return m.find() ? m.group(1) : "no state in " + row;
    }

    @Test
    void organisers_checkIn_andOnlyOrganisers() {
        Event event = event("door", 5, null);
        String token = pending(event, 1).get(0);
        service(store, ses()).confirm(token);
        String id = tokens.verify(token, SubscriberTokens.Purpose.RSVP_CONFIRM, clock.instant()).split("/")[1];
        var path = "/api/events/" + event.id() + "/attendees/" + id + "/check-in";
        var params = Map.of("id", event.id(), "rsvpId", id);
        var checkIn = handler.handleRequest(admin("POST", path, params, Map.of()), null);
        assertThat(checkIn.getStatusCode()).isEqualTo(200);
        assertThat(checkIn.getBody()).contains("\"checkedInAt\":\"");
        var anonymous = request("POST", "POST /api/events/{id}/attendees/{rsvpId}/check-in", path, Map.of(), null,
                Map.of(), params, null);
        assertThat(handler.handleRequest(anonymous, null).getStatusCode()).isEqualTo(401);
        var list = handler.handleRequest(admin("GET", "/api/events/" + event.id() + "/attendees",
                Map.of("id", event.id()), Map.of("q", "person0")), null);
        assertThat(list.getBody()).contains("\"going\":1", "\"checkedIn\":1", "person0@example.org");

        var removed = handler.handleRequest(admin("DELETE", "/api/events/" + event.id() + "/attendees/" + id, params,
                Map.of()), null);
        assertThat(removed.getStatusCode()).isEqualTo(204);
        assertThat(states(event)).containsExactly("cancelled");
        assertThat(store.going(event.id())).isZero();
        var unknown = handler.handleRequest(admin("DELETE", "/api/events/" + event.id() + "/attendees/nobody",
                Map.of("id", event.id(), "rsvpId", "nobody"), Map.of()), null);
        assertThat(unknown.getStatusCode()).isEqualTo(404);
        assertThat(unknown.getBody()).contains("\"field\":\"rsvpId\"");
    }

    // --- helpers

    private Event event(String slug, Integer capacity, LocalDateTime closesAt) {
        Event event = Events.published("ev-" + slug, Drafts.seed().slug("rsvp-" + slug).aliases(List.of())
                .start(START).end(START.plusHours(3))
                .rsvp(new RsvpSettings(true, capacity, null, closesAt, "Any dietary needs?")));
        events.create(event);
        return event;
    }

    /** {@code n} PENDING RSVPs written straight to the store, and their confirm tokens. */
    private List<String> pending(Event event, int n) {
        return PendingRsvps.write(service(store, ses()), store, tokens, clock, event, n);
    }

    /** Two confirmed RSVPs to an event with one place: the first going, the second waitlisted; the first's cancel token. */
    private String goingAndWaitlisted(Event event) {
        List<String> confirms = pending(event, 2);
        var service = service(store, ses());
        service.confirm(confirms.get(0));
        service.confirm(confirms.get(1));
        return tokens.token(SubscriberTokens.Purpose.RSVP_CANCEL,
                tokens.verify(confirms.get(0), SubscriberTokens.Purpose.RSVP_CONFIRM, clock.instant()), null);
    }

    private RsvpService service(io.handbill.rsvp.RsvpStore rsvps, MailSender sender) {
        return new RsvpService(events, rsvps, new RsvpMail(SITE, "events@example.org", clock), new OptIn(tokens,
                new SubscribeLimits(new DynamoDbCooldownStore(aws.dynamoDb(), aws.tableName()), SECRET), sender, clock));
    }

    private MailSender ses() {
        return new SesMailSender(aws.sesV2(), null, new SendRate(1000));
    }

    private List<String> states(Event event) {
        return store.list(event.id(), null, 500).items().stream()
                .sorted(java.util.Comparator.comparing(Attendee::email))
                .map(a -> a.state().publicName()).toList();
    }

    private AttendeeState stateOf(Event event, String key) {
        return store.get(event.id(), key.split("/")[1]).orElseThrow().state();
    }

    private String lastMailTo(String address) {
        List<SentEmail> sent = aws.sentEmails();
        for (int i = sent.size() - 1; i >= 0; i--) {
            String raw = new String(sent.get(i).raw(), StandardCharsets.UTF_8);
            if (raw.contains("To: " + address)) {
                // undo quoted-printable soft breaks and iCalendar line folding
                return raw.replace("=\r\n", "").replace("=3D", "=").replace("\r\n ", "");
            }
        }
        throw new AssertionError("No mail to " + address);
    }

    private static String link(String mail, String kind) {
        Matcher m = LINK.matcher(mail);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                return m.group(2);
            }
        }
        throw new AssertionError("No " + kind + " link in " + mail);
    }

    private static String subject(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int at = text.indexOf("Subject: ");
        return text.substring(at, text.indexOf('\r', at));
    }

    private static String messageId(SentEmail mail) {
        String text = new String(mail.raw(), StandardCharsets.UTF_8);
        int at = text.indexOf("Message-ID: ") + "Message-ID: ".length();
        return text.substring(at, text.indexOf('\r', at));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code POST /api/rsvps} as JSON from the client at {@code sourceIp}. */
    private static APIGatewayV2HTTPEvent ask(Event event, String email, String sourceIp) {
        APIGatewayV2HTTPEvent request = json("/api/rsvps", "{\"event\":\"" + event.slug()
                + "\",\"name\":\"Someone\",\"email\":\"" + email + "\"}");
        request.getRequestContext().getHttp().setSourceIp(sourceIp);
        return request;
    }

    private static int sequence(String mail) {
        Matcher m = Pattern.compile("\r\nSEQUENCE:(\\d+)\r\n").matcher(mail);
        if (!m.find()) {
            throw new AssertionError("No SEQUENCE in " + mail);
        }
        return Integer.parseInt(m.group(1));
    }

    private static APIGatewayV2HTTPEvent form(String method, String path, String body) {
        return request(method, method + " " + path, path, Map.of("content-type", "application/x-www-form-urlencoded",
                "accept", "text/html"), body, Map.of(), Map.of(), null);
    }

    private static APIGatewayV2HTTPEvent json(String path, String body) {
        return request("POST", "POST " + path, path, Map.of("content-type", "application/json",
                "accept", "application/json"), body, Map.of(), Map.of(), null);
    }

    private static APIGatewayV2HTTPEvent get(String path, Map<String, String> query) {
        return get(path, query, Map.of());
    }

    private static APIGatewayV2HTTPEvent get(String path, Map<String, String> query, Map<String, String> params) {
        String route = params.containsKey("id") ? "GET /api/events/{id}/availability" : "GET " + path;
        return request("GET", route, path, Map.of("accept", "text/html"), null, query, params, null);
    }

    private static APIGatewayV2HTTPEvent admin(String method, String path, Map<String, String> params,
                                               Map<String, String> query) {
        String route = method + " " + path.replace(params.getOrDefault("id", "\0"), "{id}")
                .replace(params.getOrDefault("rsvpId", "\0"), "{rsvpId}");
        return request(method, route, path, Map.of(), null, query, params, ORGANISER);
    }

    private static APIGatewayV2HTTPEvent request(String method, String routeKey, String path,
                                                 Map<String, String> headers, String body, Map<String, String> query,
                                                 Map<String, String> params, Map<String, String> claims) {
        var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("it").withRouteKey(routeKey)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build());
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
                .withHeaders(headers).withQueryStringParameters(query).withPathParameters(params).withBody(body)
                .withIsBase64Encoded(false).withRequestContext(context.build()).build();
    }
}
