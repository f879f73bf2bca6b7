package io.handbill.render;

import io.handbill.http.Problem;
import io.handbill.http.ProblemException;
import io.handbill.model.Image;
import io.handbill.model.SiteConfig;
import io.handbill.model.SitePaths;
import io.handbill.validation.FieldError;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Lets the admin form put a picture straight into the site bucket: a presigned PUT, short-lived and bound to one new
 * key, its type and its size. The key is an upload path the renderer makes resized copies of ({@link Image#UPLOAD}),
 * so the picture publishes like any other once its path is the event's cover. JPEG and PNG only: those are what the
 * renderer can read to resize.
 *
 * @param bucket the site bucket
 * @param site   the site it serves, for the picture's public address
 */
record CoverUploads(S3Presigner presigner, String bucket, SiteConfig site) {
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final Duration EXPIRY = Duration.ofMinutes(5);
    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Body of {@code POST /api/uploads}: what the browser is about to send. */
    record Request(String contentType, Long bytes) {
    }

    /**
     * @param uploadUrl where to PUT the file, with exactly {@code headers} (the browser adds Content-Length itself)
     * @param url       the picture's site path: the value for the event's {@code cover.url}
     * @param key       the object's key in the site bucket
     * @param publicUrl the picture's address on the site, once uploaded
     */
    record Upload(String uploadUrl, String url, String key, String publicUrl, Map<String, String> headers,
                  Instant expiresAt) {
    }

    /** A presigner signing as {@code s3} would: its region, credentials, endpoint and addressing. */
    static S3Presigner presignerFor(S3Client s3) {
        var config = s3.serviceClientConfiguration();
        S3Presigner.Builder presigner = S3Presigner.builder().s3Client(s3).region(config.region())
                .credentialsProvider(config.credentialsProvider());
        config.endpointOverride().ifPresent(presigner::endpointOverride);
        return presigner.build();
    }

    /** @throws ProblemException 400 naming {@code contentType} or {@code bytes} */
    Upload start(Request request) {
        List<FieldError> errors = new ArrayList<>();
        String extension = request.contentType() == null ? null : EXTENSIONS.get(request.contentType());
        if (extension == null) {
            errors.add(new FieldError("contentType", request.contentType() == null ? "required" : "unsupported",
                    "Upload a JPEG (image/jpeg) or PNG (image/png) picture"));
        }
        if (request.bytes() == null) {
            errors.add(new FieldError("bytes", "required", "Give the file's size in bytes"));
        } else if (request.bytes() < 1 || request.bytes() > MAX_BYTES) {
            errors.add(new FieldError("bytes", "out_of_range", "Upload a picture of at most 10 MB"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors));
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String path = SitePaths.MEDIA + HexFormat.of().formatHex(id) + "." + extension;
        String key = SitePaths.key(path);
        PresignedPutObjectRequest presigned = presigner.presignPutObject(r -> r.signatureDuration(EXPIRY)
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType(request.contentType())
                        .contentLength(request.bytes())));
        return new Upload(presigned.url().toString(), path, key, site.url(path),
                Map.of("Content-Type", request.contentType()), presigned.expiration());
    }
}
