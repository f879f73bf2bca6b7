package io.handbill.render;

import io.handbill.fixtures.Fixtures;
import io.handbill.model.Event;
import io.handbill.model.EventDraft;
import io.handbill.store.EventStore;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

import static io.handbill.render.TestEvents.NOW;
import static io.handbill.render.TestEvents.SITE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What lands in the bucket for a fixed input and a fixed clock, object by object (key, SHA-256 of the body, headers,
 * metadata), compared with a golden list recorded from the publisher before its speed work: the published site must
 * stay byte-identical whatever the publisher does to get there faster. To record the lists again after an intended
 * change of the pages, run with {@code -Dgolden.record=true} and review the diff.
 */
@ExtendWith(LocalAwsExtension.class)
class PublishedBytesIT {
    private static final String SEED_ID = "seed-2017-09-26";
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private final LocalAws aws;
    private final EventStore store;

    PublishedBytesIT(LocalAws aws) {
        this.aws = aws;
        this.store = aws.eventStore();
    }

    @Test
    void rebuildAndEdits_publishTheSameBytesAsBefore() throws IOException {
        // given: the seed, a cancelled hostile event and enough past events for three archive pages
        store.create(Fixtures.seedEvent());
        store.create(TestEvents.hostile());
        for (int i = 0; i < 2 * PageRenderer.PAGE_SIZE + 3; i++) {
            store.create(TestEvents.published("past-" + i, "past-" + i, "Past meetup " + i,
                    LocalDateTime.parse("2014-01-07T18:30:00").plusWeeks(2L * i)));
        }

        // when: the site is rebuilt, and rebuilt again over itself
        publisher().rebuildAll();
        String rebuilt = objects();
        publisher().rebuildAll();

        // then
        assertThat(objects()).isEqualTo(rebuilt);
        thenMatchesGolden("rebuild.txt", rebuilt);

        // when: a description edit, a title edit of an archived event, and an unpublish (delete) go through publish
        Event seed = store.get(SEED_ID).orElseThrow();
        EventDraft d = seed.draft();
        store.update(seed.edit(d.toBuilder().description(d.description() + "\n\nUpdated.").build(), NOW.plusSeconds(60)));
        Event past = store.get("past-7").orElseThrow();
        EventDraft p = past.draft();
        store.update(past.edit(p.toBuilder().title(p.title() + " (renamed)").build(), NOW.plusSeconds(60)));
        store.delete("past-2", store.get("past-2").orElseThrow().version());
        publisher().publish(List.of(SEED_ID, "past-7", "past-2"));

        // then
        thenMatchesGolden("after-edits.txt", objects());
    }

    /** A publisher as a new container has it: nothing remembered from an earlier call. */
    private SitePublisher publisher() {
        return new SitePublisher(store, new PublicListing(aws.dynamoDb(), aws.tableName()), new PageRenderer(SITE),
                new BucketWriter(aws.s3(), aws.bucketName()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** One line per object: key, body hash, content type, cache control, user metadata (sorted). */
    private String objects() throws IOException {
        StringBuilder lines = new StringBuilder();
        List<String> keys = new ArrayList<>(aws.s3().listObjectsV2Paginator(r -> r.bucket(aws.bucketName()))
                .contents().stream().map(S3Object::key).sorted().toList());
        for (String key : keys) {
            HeadObjectResponse head = aws.s3().headObject(r -> r.bucket(aws.bucketName()).key(key));
            byte[] body;
            try (InputStream in = aws.s3().getObject(r -> r.bucket(aws.bucketName()).key(key))) {
                body = in.readAllBytes();
            }
            lines.append(key).append(' ').append(sha256(body)).append(' ').append(head.contentType()).append(" | ")
                    .append(head.cacheControl()).append(" | ").append(new TreeMap<>(head.metadata())).append('\n');
        }
        return lines.toString();
    }

    private static void thenMatchesGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.record")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
