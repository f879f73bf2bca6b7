package io.handbill.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * dynalite, S3Proxy and the SES stub, started together on free loopback ports. Tests get it through
 * {@link LocalAwsExtension}; the local stack starts it with a data directory so that its state survives restarts.
 *
 * @param temporaryDir where mail goes without a data directory, deleted on {@link #close()}; otherwise {@code null}
 */
public record EmbeddedAws(Dynalite dynamoDb, EmbeddedS3 s3, SesStub ses, Path temporaryDir) implements AwsEmulators {
    /**
     * Starts the emulators.
     *
     * @param dataDir where tables ({@code dynamodb/}), buckets ({@code s3/}) and sent mail ({@code outbox/}) are
     *                kept, or {@code null} for a fresh in-memory state (mail then goes to a temporary directory that
     *                {@link #close()} deletes)
     */
    public static EmbeddedAws start(Path dataDir) {
        Path temporaryDir = dataDir == null ? createTempDir() : null;
        Dynalite dynamoDb = null;
        EmbeddedS3 s3 = null;
        try {
            dynamoDb = Dynalite.start(dataDir == null ? null : dataDir.resolve("dynamodb"));
            s3 = EmbeddedS3.start(dataDir == null ? null : dataDir.resolve("s3"));
            SesStub ses = SesStub.start((dataDir == null ? temporaryDir : dataDir).resolve("outbox"));
            return new EmbeddedAws(dynamoDb, s3, ses, temporaryDir);
        } catch (RuntimeException e) {
            if (s3 != null) {
                s3.close();
            }
            if (dynamoDb != null) {
                dynamoDb.close();
            }
            throw e;
        }
    }

    @Override
    public AwsEndpoints endpoints() {
        return new AwsEndpoints(dynamoDb.endpoint(), s3.endpoint(), ses.endpoint());
    }

    /** {@link AwsEndpoints#environment()} for a child process. */
    public Map<String, String> environment() {
        return endpoints().environment();
    }

    @Override
    public void close() {
        try {
            ses.close();
            s3.close();
        } finally {
            dynamoDb.close();
            if (temporaryDir != null) {
                deleteRecursively(temporaryDir);
            }
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("handbill-aws-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
