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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack's JVM SIGKILLed in the middle of publishing and in the middle of a reminder sweep, and restarted on
 * the same {@code --data}: no dynalite outlives it, the restart starts, every acknowledged write is there, the pages
 * match the events (the start-up rebuild repairs what the kill cut short), the admin token is the same, and the
 * resumed sweep leaves every subscriber each new event in exactly one mail (one digest of them all, unless the kill
 * split it) — none lost, none duplicated.
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
    @TempDir
    Path data;

    @AfterEach
    void killChildren() {
        children.forEach(Process::destroyForcibly);
    }

    @Test
    void killedWhilePublishingAndWhileSweeping_restartsWithEveryAcknowledgedWrite_andExactlyOneMailEach()
            throws Exception {
        long started = System.nanoTime();
        seedConfirmedSubscribers();

        // publishing, killed after a few acknowledged publishes while more are in flight
        Stack first = start("PT0S");
        var acknowledged = new CopyOnWriteArrayList<String>();
        var published = new CopyOnWriteArrayList<String>();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> publishUntilCut(first, acknowledged,
                published));
        awaitTrue(() -> published.size() >= PUBLISHED_BEFORE_KILL, Duration.ofSeconds(30));
        first.process.destroyForcibly().waitFor();
        writer.exceptionally(cut -> null).join();
        assertNoDynaliteLeft();

        Stack second = start("PT0S");
        assertThat(second.token).as("the admin token is kept under --data").isEqualTo(first.token);
        for (String id : acknowledged) {
            assertThat(get(second, "/api/events/" + id).statusCode()).as("acknowledged event " + id).isEqualTo(200);
        }
        for (String id : published) {
            assertThat(event(second, id).path("status").asText()).isEqualToIgnoringCase("published");
        }
        awaitTrue(() -> pagesMatchEvents(second), Duration.ofSeconds(20));
        Set<String> publishedTitles = publishedTitles(second);
        int expectedAnnouncements = publishedTitles.size() * SUBSCRIBERS;

        // the sweep, killed a third of the way through its mails (one digest per subscriber)
        CompletableFuture.runAsync(() -> post(second, "/local/reminders/run"));
        awaitTrue(() -> announcements().size() >= SUBSCRIBERS / 3, Duration.ofSeconds(30));
        second.process.destroyForcibly().waitFor();
        int sentBeforeKill = announcements().size();
        assertNoDynaliteLeft();

        // resumed past the sweep's claim lease, as the next scheduled run would be after a crash
        Stack third = start(CLAIM_LEASE.plusMinutes(1).toString());
        assertThat(post(third, "/local/reminders/run").statusCode()).isEqualTo(200);

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
        System.out.printf("Crash-restart: %d acknowledged writes (%d publishes) survived a kill mid-publish; sweep "
                        + "killed after %d of %d digests, resumed: %d mails for %d announcements, %d lost, "
                        + "%d duplicated, %d repeated SES calls with the same Message-ID; %d ms in all%n",
                acknowledged.size() + published.size(), published.size(), sentBeforeKill, SUBSCRIBERS,
                distinctMails.size(), expectedAnnouncements, lost, duplicated, files - distinctMails.size(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(messageIds).hasSize(expectedAnnouncements);
        assertThat(messageIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    }

    private record Stack(Process process, String url, String token) {
    }

    private Stack start(String clockOffset) throws Exception {
        Path log = Files.createTempFile(data.getParent(), "crashable-stack", ".log");
        List<String> arguments = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        String nodeModules = System.getProperty("handbill.nodeModules");
        if (nodeModules != null) {
            arguments.add("-Dhandbill.nodeModules=" + nodeModules);
        }
        arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashableLocalStack.class.getName(),
                data.toString(), clockOffset));
        Process process = ChildJvm.start(Map.of(), log, arguments.toArray(String[]::new));
        children.add(process);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            Matcher ready = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (ready.find()) {
                return new Stack(process, ready.group(1), ready.group(2));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the stack did not start:\n" + Files.readString(log, StandardCharsets.UTF_8));
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

    private void publishUntilCut(Stack stack, List<String> acknowledged, List<String> published) {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        for (int n = 1; ; n++) {
            String body = """
                    {"title":"Crash test %d","summary":"An evening that survives a crash.","start":"%sT18:45:00",
                     "end":"%sT21:00:00","timeZone":"Europe/London",
                     "venue":{"name":"The ODI Node Leeds","city":"Leeds","country":"United Kingdom"}}
                    """.formatted(n, day.plusDays(n), day.plusDays(n));
            HttpResponse<String> created = send(stack, HttpRequest.newBuilder(URI.create(stack.url + "/api/events"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = read(created.body()).path("id").asText();
            acknowledged.add(id);
            HttpResponse<String> publish = post(stack, "/api/events/" + id + "/publish");
            assertThat(publish.statusCode()).as(publish.body()).isEqualTo(200);
            published.add(id);
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
