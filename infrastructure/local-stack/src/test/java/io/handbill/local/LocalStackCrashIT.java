package io.handbill.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.testkit.ChildJvm;
import io.handbill.testkit.Dynalite;
import io.handbill.testkit.EmbeddedAws;
import io.handbill.testkit.LocalAws;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's JVM killed in the middle of publishing and of a reminder sweep, at several points, and restarted
 * each time on the same {@code --data}: SIGKILLed at a moment chosen by time (a publish in flight; a sweep a third of
 * the way through), and halted at each {@link CrashPoint} — a publish's event write before its render, mid-render
 * with the event's page written, a mail sent but not yet in the sent-ledger, and between two recipients. After every
 * kill no dynalite outlives the stack; after every restart the admin token is the same, every acknowledged write is
 * there, and the pages match the events (the start-up rebuild repairs what the kill cut short). The sweep, resumed
 * after each of its kills, leaves every subscriber each new event in exactly one mail (one digest of them all,
 * unless a kill split it): none lost, none duplicated.
 */
class LocalStackCrashIT {
    private static final int SUBSCRIBERS = 30;
    private static final int PUBLISHED_BEFORE_KILL = 3;
    /** The reminder sweep's claim lease (package-private ReminderSweep.CLAIM_LEASE): a killed send waits it out. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(15);
    private static final Pattern READY = Pattern.compile("READY (http://localhost:\\d+) (\\S+)");
    /** A published crash-test event as an announcement or a digest lists it: its title on a line of its own. */
    private static final Pattern ANNOUNCED = Pattern.compile("(?m)^(Crash test \\d+)$");
    private static final Pattern MESSAGE_ID = Pattern.compile("(?mi)^Message-ID: (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> children = new ArrayList<>();
    /** The number of the next "Crash test N" event the writer makes. */
    private final AtomicInteger next = new AtomicInteger(1);
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final List<String> kills = new ArrayList<>();
    @TempDir
    Path data;

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void killedAtSeveralPointsOfPublishingAndSweeping_restartsWithEveryAcknowledgedWrite_andExactlyOneMailEach()
            throws Exception {
        long started = System.nanoTime();
        seedConfirmedSubscribers();

        // publishing: SIGKILLed after a few acknowledged publishes while more are in flight
        Stack stack = start(Duration.ZERO, null, null);
        String token = stack.token;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> publishUntilCut(stack));
        awaitTrue(() -> published.size() >= PUBLISHED_BEFORE_KILL, Duration.ofSeconds(30));
        sigkill(stack, "SIGKILL mid-publish");
        writer.exceptionally(cut -> null).join();

        // publishing: halted after the second publish's event write, before its render; then mid-render
        for (CrashPoint.Point point : List.of(CrashPoint.Point.EVENT_WRITTEN, CrashPoint.Point.PAGE_WRITTEN)) {
            Stack restarted = start(Duration.ZERO, point, "crash-test-" + (next.get() + 1));
            assertRestarted(restarted, token);
            publishUntilCut(restarted);
            assertCrashedAt(restarted, point);
        }

        // one digest per subscriber, in key order (reader0, reader1, reader10 … reader9): halted after reader0's
        // send, then — resumed past that claim's lease — between reader1 and reader10, then SIGKILLed a third of the
        // way through the 28 left
        Stack beforeSweep = start(Duration.ZERO, CrashPoint.Point.MAIL_SENT, "reader0@example.org");
        assertRestarted(beforeSweep, token);
        int expectedAnnouncements = publishedTitles(beforeSweep).size() * SUBSCRIBERS;
        // the sweep: halted after a send before its ledger write, resumed past that claim's lease and halted
        // between two recipients, SIGKILLed a third of the way through what is left, and resumed to its end
        sweepUntilCut(beforeSweep);
        assertCrashedAt(beforeSweep, CrashPoint.Point.MAIL_SENT);
        Duration offset = CLAIM_LEASE.plusMinutes(1);
        Stack resumed = start(offset, CrashPoint.Point.RECIPIENT_DONE, "reader1@example.org");
        assertRestarted(resumed, token);
        sweepUntilCut(resumed);
        assertCrashedAt(resumed, CrashPoint.Point.RECIPIENT_DONE);

        offset = offset.plus(CLAIM_LEASE.plusMinutes(1));
        Stack again = start(offset, null, null);
        assertRestarted(again, token);
        long mailedBefore = mailedRecipients();
        CompletableFuture.runAsync(() -> post(again, "/local/reminders/run"));
        // one digest per subscriber: killed a third of the way through the subscribers not yet mailed
        awaitTrue(() -> mailedRecipients() >= mailedBefore + (SUBSCRIBERS - mailedBefore) / 3,
                Duration.ofSeconds(30));
        sigkill(again, "SIGKILL mid-sweep");

        Stack last = start(offset.plus(CLAIM_LEASE.plusMinutes(1)), null, null);
        assertRestarted(last, token);
        assertThat(post(last, "/local/reminders/run").statusCode()).isEqualTo(200);

        Map<String, Set<String>> messageIds = new HashMap<>();
        int files = 0;
        Set<String> distinctMails = new HashSet<>();
        for (OutboxMessage mail : announcements()) {
            files++;
            String messageId = first(MESSAGE_ID, Files.readString(mail.file(), StandardCharsets.ISO_8859_1));
            distinctMails.add(messageId);
            Matcher titles = ANNOUNCED.matcher(mail.text());
            while (titles.find()) {
                messageIds.computeIfAbsent(mail.to() + " / " + titles.group(1), k -> new HashSet<>()).add(messageId);
            }
        }
        long lost = (long) expectedAnnouncements - messageIds.size();
        long duplicated = messageIds.values().stream().filter(ids -> ids.size() > 1).count();
        System.out.printf("Crash-restart: %d kills (%s), %d restarts; %d acknowledged writes (%d publishes) "
                        + "survived; %d mails for %d announcements: %d lost, %d duplicated, %d repeated SES calls "
                        + "with the same Message-ID; %d ms in all%n", kills.size(), String.join(", ", kills),
                kills.size(), acknowledged.size() + published.size(), published.size(), distinctMails.size(),
                expectedAnnouncements, lost, duplicated, files - distinctMails.size(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(messageIds).hasSize(expectedAnnouncements);
        assertThat(messageIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    }

    private record Stack(Process process, String url, String token, Path log) {
    }

    /** @param crash where the stack halts itself, or null to run until killed */
    private Stack start(Duration clockOffset, CrashPoint.Point crash, String target) throws Exception {
        Path log = Files.createTempFile(data.getParent(), "crashable-stack", ".log");
        List<String> arguments = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        String nodeModules = System.getProperty("handbill.nodeModules");
        if (nodeModules != null) {
            arguments.add("-Dhandbill.nodeModules=" + nodeModules);
        }
        arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashableLocalStack.class.getName(),
                data.toString(), clockOffset.toString()));
        if (crash != null) {
            arguments.addAll(List.of(crash.name(), target));
        }
        Process process = ChildJvm.start(Map.of(), log, arguments.toArray(String[]::new));
        children.add(process);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            Matcher ready = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (ready.find()) {
                return new Stack(process, ready.group(1), ready.group(2), log);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the stack did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }

    private void sigkill(Stack stack, String when) throws InterruptedException {
        stack.process.destroyForcibly().waitFor();
        kills.add(when);
        assertNoDynaliteLeft();
    }

    private void assertCrashedAt(Stack stack, CrashPoint.Point point) throws Exception {
        assertThat(stack.process.waitFor(30, TimeUnit.SECONDS)).as("halted at " + point).isTrue();
        assertThat(Files.readString(stack.log, StandardCharsets.UTF_8)).contains(CrashPoint.CRASHED + point);
        kills.add(point.name());
        assertNoDynaliteLeft();
    }

    /** The same admin token, every acknowledged write, and pages that match the events. */
    private void assertRestarted(Stack stack, String token) throws InterruptedException {
        assertThat(stack.token).as("the admin token is kept under --data").isEqualTo(token);
        for (String id : acknowledged) {
            assertThat(get(stack, "/api/events/" + id).statusCode()).as("acknowledged event " + id).isEqualTo(200);
        }
        for (String id : published) {
            assertThat(event(stack, id).path("status").asText()).isEqualToIgnoringCase("published");
        }
        awaitTrue(() -> pagesMatchEvents(stack), Duration.ofSeconds(20));
    }

    private static String readLog(Stack stack) {
        try {
            return Files.readString(stack.log, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Runs the sweep until the stack dies under it. */
    private void sweepUntilCut(Stack stack) {
        try {
            post(stack, "/local/reminders/run");
        } catch (java.io.UncheckedIOException cut) {
            return;
        }
        throw new AssertionError("the sweep ran to its end without reaching its crash point; the stack's log:\n"
                + readLog(stack));
    }

    private void seedConfirmedSubscribers() {
        try (EmbeddedAws emulators = EmbeddedAws.start(data)) {
            LocalAws aws = LocalAws.on(emulators, LocalStack.TABLE, LocalStack.BUCKET);
            var store = new DynamoDbSubscriberStore(aws.dynamoDb(), LocalStack.TABLE);
            Instant yesterday = Instant.now().minus(Duration.ofDays(1));
            for (int n = 0; n < SUBSCRIBERS; n++) {
                store.create(Subscriber.pending("reader" + n + "@example.org", yesterday).confirm(yesterday));
            }
        }
    }

    /** Creates and publishes events until the stack stops answering; records what it acknowledged. */
    private void publishUntilCut(Stack stack) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        while (true) {
            int n = next.getAndIncrement();
            String body = """
                    {"title":"Crash test %d","summary":"An evening that survives a crash.","start":"%sT18:45:00",
                     "end":"%sT21:00:00","timeZone":"Europe/London",
                     "venue":{"name":"The ODI Node Leeds","city":"Leeds","country":"United Kingdom"}}
                    """.formatted(n, day.plusDays(n), day.plusDays(n));
            HttpResponse<String> created;
            HttpResponse<String> publish;
            try {
                created = send(stack, HttpRequest.newBuilder(URI.create(stack.url + "/api/events"))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                String id = read(created.body()).path("id").asText();
                acknowledged.add(id);
                publish = post(stack, "/api/events/" + id + "/publish");
                assertThat(publish.statusCode()).as(publish.body()).isEqualTo(200);
                published.add(id);
            } catch (java.io.UncheckedIOException cut) {
                return;
            }
        }
    }

    private boolean pagesMatchEvents(Stack stack) {
        JsonNode events = read(get(stack, "/api/events?limit=100").body()).path("items");
        HttpResponse<String> index = get(stack, "/");
        for (JsonNode event : events) {
            boolean live = event.path("status").asText().equalsIgnoreCase("published");
            HttpResponse<String> page = get(stack, "/events/" + event.path("slug").asText() + "/");
            String title = event.path("title").asText();
            if (live != (page.statusCode() == 200 && page.body().contains(title))
                    || live != index.body().contains(title)) {
                return false;
            }
        }
        return true;
    }

    private Set<String> publishedTitles(Stack stack) {
        Set<String> titles = new HashSet<>();
        for (JsonNode event : read(get(stack, "/api/events?limit=100").body()).path("items")) {
            if (event.path("status").asText().equalsIgnoreCase("published")) {
                titles.add(event.path("title").asText());
            }
        }
        return titles;
    }

    private JsonNode event(Stack stack, String id) {
        return read(get(stack, "/api/events/" + id).body());
    }

    /** How many subscribers an announcing mail has reached so far. */
    private long mailedRecipients() {
        return announcements().stream().map(OutboxMessage::to).distinct().count();
    }

    /** The outbox mails that announce a crash-test event. */
    private List<OutboxMessage> announcements() {
        try (Stream<Path> files = Files.list(data.resolve("outbox"))) {
            List<OutboxMessage> mails = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                OutboxMessage mail = OutboxMessage.read(file);
                if (mail.text() != null && ANNOUNCED.matcher(mail.text()).find()) {
                    mails.add(mail);
                }
            }
            return mails;
        } catch (IOException | RuntimeException e) {
            return List.of();   // a file being written as we look: ask again
        }
    }

    private void assertNoDynaliteLeft() throws InterruptedException {
        awaitTrue(() -> ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine()
                .map(c -> c.contains("dynalite") && c.contains(data.toString())).orElse(false)),
                Duration.ofSeconds(5));
        assertThat(Dynalite.pidFile(data.resolve("dynamodb"))).as("left for the next start to check").exists();
    }

    private HttpResponse<String> get(Stack stack, String path) {
        return send(stack, HttpRequest.newBuilder(URI.create(stack.url + path)));
    }

    private HttpResponse<String> post(Stack stack, String path) {
        return send(stack, HttpRequest.newBuilder(URI.create(stack.url + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(Stack stack, HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + stack.token)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern.pattern()).isTrue();
        return matcher.group(1);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + timeout).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
