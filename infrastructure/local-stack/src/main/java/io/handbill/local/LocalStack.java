package io.handbill.local;

import io.handbill.model.Event;
import io.handbill.store.HandbillTable;
import io.handbill.testkit.AwsEndpoints;
import io.handbill.testkit.EmbeddedAws;
import io.handbill.testkit.EmbeddedS3;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The whole product on one loopback port: starts the emulators, creates the table and bucket, wires the real
 * function handlers to the stack's clients, loads the sample events and serves everything through
 * {@link FrontDoor}. {@link #close()} stops it all, child processes included.
 */
public final class LocalStack implements AutoCloseable {
    public static final String TABLE = "handbill-local-events";
    public static final String BUCKET = "handbill-local-site";
    static final String GROUP_NAME = "Leeds DevOps";
    static final String ORGANISER_EMAIL = "organisers@handbill.local";
    static final String SENDER_EMAIL = "events@handbill.local";
    private static final Duration SEVEN_DAY_REMINDER = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final EmbeddedAws aws;
    private final LoopbackHttpServer server;
    private final RendererFeed feed;
    private final ReminderSweep sweep;
    private final AdminToken adminToken;
    private final LocalServices services;
    private final OutboxPages outbox;
    private final Optional<Instant> sampleReminderDue;

    private LocalStack(EmbeddedAws aws, LoopbackHttpServer server, RendererFeed feed,
                       ReminderSweep sweep, AdminToken adminToken, LocalServices services, OutboxPages outbox,
                       Optional<Instant> sampleReminderDue) {
        this.aws = aws;
        this.server = server;
        this.feed = feed;
        this.sweep = sweep;
        this.adminToken = adminToken;
        this.services = services;
        this.outbox = outbox;
        this.sampleReminderDue = sampleReminderDue;
    }

    public static LocalStack start(LocalOptions options) {
        return start(options, Clock.systemUTC());
    }

    /** With the clock every function and the sample events run on (tests move it to make reminders due). */
    static LocalStack start(LocalOptions options, Clock clock) {
        return start(options, clock, new ExecutionInterceptor() { });
    }

    /** @param tap runs on each of the stack's SDK clients, after its own interceptors (tests crash the stack there) */
    static LocalStack start(LocalOptions options, Clock clock, ExecutionInterceptor tap) {
        long started = System.nanoTime();
        LoopbackHttpServer server = LoopbackHttpServer.bind(options.port(), ApiGateway.MAX_BODY_BYTES);
        // The SES stub is a JDK HttpServer: without this its kept-alive answers wait ~40 ms on a delayed ACK
        // (Nagle). The JDK reads it once, when the JVM's first such server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        EmbeddedAws aws = EmbeddedAws.start(options.dataDir());
        log.info("Emulators started in {} ms", (System.nanoTime() - started) / 1_000_000);
        try {
            return start(options, clock, tap, server, aws);
        } catch (RuntimeException e) {
            server.close();
            aws.close();
            throw e;
        }
    }

    private static LocalStack start(LocalOptions options, Clock clock, ExecutionInterceptor tap,
                                    LoopbackHttpServer server, EmbeddedAws aws) {
        String url = "http://localhost:" + server.port();
        AwsEndpoints endpoints = aws.endpoints();
        var renderer = new RendererFeedHolder();
        DynamoDbClient dynamoDb = AwsEndpoints.at(endpoints.dynamoDb(), DynamoDbClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(new StreamRecorder(TABLE, renderer)).addExecutionInterceptor(tap)
                        .apiCallTimeout(Duration.ofSeconds(20)).build())
                .build();
        S3Client s3 = AwsEndpoints.at(endpoints.s3(), S3Client.builder())
                .serviceConfiguration(EmbeddedS3.clientConfiguration())
                .overrideConfiguration(c -> c.addExecutionInterceptor(tap)).build();
        SesV2Client sesV2 = AwsEndpoints.at(endpoints.sesV2(), SesV2Client.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(tap)).build();
        long started = System.nanoTime();
        // Each client's first call loads much of the SDK: do both at once.
        CompletableFuture<Void> bucket = CompletableFuture.runAsync(() -> createBucket(s3));
        createTable(dynamoDb);
        bucket.join();
        log.info("Table and bucket ready in {} ms", (System.nanoTime() - started) / 1_000_000);

        var services = new LocalServices(dynamoDb, s3, sesV2, environment(url, hmacSecret(options.dataDir())),
                clock);
        var feed = new RendererFeed(LocalFunctions.renderer(services), TABLE);
        renderer.deliverTo(feed);
        var outbox = new OutboxPages(aws.ses().outbox());
        var sweep = new ReminderSweep(LocalFunctions.reminders(services), () -> outbox.messages().size());
        AdminToken token = options.adminToken() != null ? new AdminToken(options.adminToken())
                : new AdminToken(kept(options.dataDir(), "admin-token", () -> AdminToken.random().value()));
        var gateway = new ApiGateway(LocalFunctions.http(services), token);
        var uploads = new UploadProxy(endpoints.s3(), BUCKET);
        var frontDoor = new FrontDoor(gateway, new SiteFromBucket(s3, BUCKET), outbox, sweep,
                new AdminPages(token, url, uploads.s3Origin()), uploads, new LoopbackOrigin(server.port()));

        started = System.nanoTime();
        Optional<Event> upcoming = options.samples()
                ? new SampleEvents(services.eventStore(), services.clock()).loadIfMissing() : Optional.empty();
        if (upcoming.isPresent()) {
            log.info("Loaded the seed event and an upcoming sample event in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
        } else {
            // Pages kept in --data may come from older templates, and an empty site still needs its index.
            CompletableFuture.runAsync(() -> rebuildSite(services));
        }
        started = System.nanoTime();
        var stack = new LocalStack(aws, server, feed, sweep, token, services, outbox,
                upcoming.map(e -> e.startsAt().minus(SEVEN_DAY_REMINDER)));
        stack.awaitRendered(Duration.ofSeconds(30));
        log.info("First pages rendered in {} ms", (System.nanoTime() - started) / 1_000_000);
        server.start(frontDoor::handle);
        return stack;
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public String adminToken() {
        return adminToken.value();
    }

    /** When the just-loaded upcoming sample event's seven-day reminder falls due; empty if none was loaded. */
    public Optional<Instant> sampleReminderDue() {
        return sampleReminderDue;
    }

    /** Waits until the renderer has seen every write so far; true when it has within {@code timeout}. */
    public boolean awaitRendered(Duration timeout) {
        try {
            return feed.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * How many writes to the table (puts, updates, deletes that took effect) the stream has carried since the
     * start; every write the functions make is one, so an unchanged count means an unchanged table.
     */
    long streamRecords() {
        return feed.received();
    }

    /** Runs the reminder sweep now; returns how many emails it sent. */
    public int runReminders() {
        return sweep.runNow();
    }

    /** What {@code /outbox/} lists, newest first. */
    List<OutboxMessage> outboxMessages() {
        return outbox.messages();
    }

    LocalServices services() {
        return services;
    }

    @Override
    public void close() {
        server.close();
        sweep.close();
        feed.close();
        aws.close();
    }

    private static void rebuildSite(LocalServices services) {
        try {
            int written = LocalFunctions.publisher(services).rebuildAll().written().size();
            log.info("Rebuilt the site: {} objects written", written);
        } catch (RuntimeException e) {
            log.error("Rebuilding the site failed", e);
        }
    }

    private static void createTable(DynamoDbClient dynamoDb) {
        try {
            dynamoDb.describeTable(b -> b.tableName(TABLE));
        } catch (ResourceNotFoundException e) {
            dynamoDb.createTable(HandbillTable.createTableRequest(TABLE));
        }
        try {
            while (dynamoDb.describeTable(b -> b.tableName(TABLE)).table().tableStatus() != TableStatus.ACTIVE) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating the table", e);
        }
    }

    private static void createBucket(S3Client s3) {
        try {
            s3.headBucket(b -> b.bucket(BUCKET));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
    }

    /**
     * What template.yaml sets for the functions, with local names; the other settings keep their defaults. Links
     * are signed with {@code HMAC_SECRET} instead of an SSM parameter, and the SES stub has no sending quota.
     */
    static Map<String, String> environment(String siteUrl, String hmacSecret) {
        return Map.of("EVENTS_TABLE", TABLE, "PAGES_BUCKET", BUCKET, "SITE_URL", siteUrl, "GROUP_NAME", GROUP_NAME,
                "ORGANISER_EMAIL", ORGANISER_EMAIL, "SENDER_EMAIL", SENDER_EMAIL, "HMAC_SECRET", hmacSecret,
                "SEND_RATE_PER_SECOND", "10");
    }

    /** Signs confirm and unsubscribe links; kept in the data directory so mailed links survive a restart. */
    private static String hmacSecret(Path dataDir) {
        return kept(dataDir, "hmac-secret", () -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return HexFormat.of().formatHex(random);
        });
    }

    /**
     * A secret kept in {@code dataDir/name} (readable by its owner only), made by {@code fresh} on the first start:
     * so that mailed links keep working and open admin tabs stay signed in across restarts on the same data.
     */
    private static String kept(Path dataDir, String name, Supplier<String> fresh) {
        if (dataDir == null) {
            return fresh.get();
        }
        Path file = dataDir.resolve(name);
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(dataDir);
                Files.writeString(file, fresh.get(), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions apply
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the DynamoDB client exist before the feed it records into (the renderer needs the client). */
    private static final class RendererFeedHolder implements java.util.function.Consumer<StreamChange> {
        private volatile RendererFeed feed;

        void deliverTo(RendererFeed target) {
            feed = target;
        }

        @Override
        public void accept(StreamChange change) {
            RendererFeed target = feed;
            if (target != null) {
                target.accept(change);
            }
        }
    }
}
