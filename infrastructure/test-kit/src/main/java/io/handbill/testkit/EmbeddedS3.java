package io.handbill.testkit;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * S3Proxy in this JVM on a free loopback port, in memory or on disk. It checks SigV4 signatures against
 * {@link AwsEndpoints#ACCESS_KEY}/{@link AwsEndpoints#SECRET_KEY}; clients address buckets path-style. Unlike S3:
 * it answers 501 to {@code x-amz-website-redirect-location}, and as its stores keep each key as a file, a key cannot
 * also be the "directory" of another ({@code a} and {@code a/index.html} cannot both exist), and it needs clients
 * configured with {@link #clientConfiguration()}.
 */
public final class EmbeddedS3 implements AutoCloseable {
    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedS3(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** @param dataDir where to keep buckets, or {@code null} to keep them in memory */
    public static EmbeddedS3 start(Path dataDir) {
        BlobStore store = dataDir == null ? new TransientNio2BlobStore() : new FilesystemNio2BlobStore(directory(dataDir));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, AwsEndpoints.ACCESS_KEY, AwsEndpoints.SECRET_KEY)
                .build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(5);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return new EmbeddedS3(proxy);
    }

    /**
     * How an SDK client must talk to S3Proxy: path-style, and with each PutObject body sent whole instead of
     * aws-chunked. Over plain HTTP the SDK signs a body as aws-chunked ({@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD},
     * with {@code x-amz-decoded-content-length}); S3Proxy reads only that many decoded bytes, stores the object and
     * answers, leaving the final zero-length chunk unread, so Jetty drops the connection while the client may still be
     * writing or reading it: "Error writing request body to server" or "Unexpected end of file from server" on about
     * one PUT in 80 with five in flight, object stored all the same (S3Proxy 4.1.0; not {@code Expect: 100-continue},
     * which the SDK sends only from 1 MiB, nor keep-alive, which happens without it too). S3 reads the whole body, so
     * the functions' own clients ({@code AwsClients}) keep the SDK's default; in a child JVM their standard retry
     * covers the rare drop.
     */
    public static S3Configuration clientConfiguration() {
        return S3Configuration.builder().pathStyleAccessEnabled(true).chunkedEncodingEnabled(false).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not stop", e);
        }
    }

    private static String directory(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
