package io.handbill.testkit;

import io.handbill.aws.AwsClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class LocalAwsIT {
    private static final String MIME = """
            From: Leeds DevOps <events@example.org>\r
            To: Ada <ada@example.org>,\r
             bob@example.org\r
            Subject: Reminder\r
            \r
            See you tomorrow.\r
            """;

    @Test
    void s3_storesObjects_andResetEmptiesTheBucket(LocalAws aws) {
        aws.s3().putObject(r -> r.bucket(aws.bucketName()).key("events/a/index.html").contentType("text/html"),
                RequestBody.fromString("<h1>Hi</h1>"));

        var stored = aws.s3().getObjectAsBytes(r -> r.bucket(aws.bucketName()).key("events/a/index.html"));
        assertThat(stored.asUtf8String()).isEqualTo("<h1>Hi</h1>");
        assertThat(stored.response().contentType()).isEqualTo("text/html");

        aws.reset();
        assertThat(aws.s3().listObjectsV2(r -> r.bucket(aws.bucketName())).contents()).isEmpty();
    }

    @Test
    void s3_acceptsAClientBuiltLikeAFunctions_withDefaultChecksumsAndNoPathStyleFlag(LocalAws aws) {
        S3Client plain = AwsEndpoints.at(aws.endpoints().s3(), S3Client.builder()).build();

        plain.putObject(r -> r.bucket(aws.bucketName()).key("calendar.ics"), RequestBody.fromString("BEGIN:VCALENDAR"));

        assertThat(plain.getObjectAsBytes(r -> r.bucket(aws.bucketName()).key("calendar.ics")).asUtf8String())
                .isEqualTo("BEGIN:VCALENDAR");
    }

    @Test
    void s3_rejectsWrongCredentials(LocalAws aws) {
        S3Client intruder = S3Client.builder().httpClient(AwsClients.http()).region(Region.US_EAST_1)
                .endpointOverride(aws.endpoints().s3()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "wrong")))
                .build();

        assertThatThrownBy(() -> intruder.listObjectsV2(r -> r.bucket(aws.bucketName())))
                .hasMessageContaining("403");
    }

    @Test
    void sesRawSend_landsInTheOutboxAsEml(LocalAws aws) {
        String messageId = aws.sesV2().sendEmail(raw(MIME)).messageId();

        assertThat(aws.sentEmails()).singleElement().satisfies(sent -> {
            assertThat(sent.messageId()).isEqualTo(messageId);
            assertThat(sent.isMime()).isTrue();
            assertThat(sent.eml().getFileName().toString()).endsWith(".eml");
            assertThat(new String(sent.raw(), StandardCharsets.UTF_8)).isEqualTo(MIME);
        });
    }

    @Test
    void sesSimpleSend_isKeptAsItsRequest(LocalAws aws) {
        aws.sesV2().sendEmail(r -> r.fromEmailAddress("events@example.org")
                .destination(d -> d.toAddresses("ada@example.org"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Hello")).body(b -> b.text(t -> t.data("Hi Ada"))))));

        assertThat(aws.sentEmails()).singleElement().satisfies(sent -> {
            assertThat(sent.isMime()).isFalse();
            assertThat(new String(sent.raw(), StandardCharsets.UTF_8)).contains("\"Hi Ada\"", "ada@example.org");
        });
    }

    @Test
    void sesSends_keepTheirOrder(LocalAws aws) {
        for (int i = 0; i < 5; i++) {
            aws.sesV2().sendEmail(raw(MIME.replace("Reminder", "Reminder " + i)));
        }

        assertThat(aws.sentEmails()).extracting(sent -> new String(sent.raw(), StandardCharsets.UTF_8))
                .allSatisfy(text -> assertThat(text).contains("Reminder"))
                .satisfies(texts -> {
                    for (int i = 0; i < 5; i++) {
                        assertThat(texts.get(i)).contains("Subject: Reminder " + i);
                    }
                });
    }

    @Test
    void sesThrottling_failsAsManySendsAsAsked_thenRecovers(LocalAws aws) {
        aws.ses().failNextWithThrottling(2);

        // the test clients try twice: both attempts are throttled
        assertThatThrownBy(() -> aws.sesV2().sendEmail(raw(MIME))).isInstanceOf(TooManyRequestsException.class);
        assertThat(aws.sentEmails()).isEmpty();

        aws.sesV2().sendEmail(raw(MIME));
        assertThat(aws.sentEmails()).hasSize(1);
    }

    @Test
    void sesThrottlingOnce_isAbsorbedByTheSdkRetry(LocalAws aws) {
        aws.ses().failNextWithThrottling(1);

        aws.sesV2().sendEmail(raw(MIME));

        assertThat(aws.sentEmails()).hasSize(1);
    }

    @Test
    void sesRejectedRecipient_failsEverySendToIt_only(LocalAws aws) {
        aws.ses().rejectRecipient("Bob@Example.org");

        assertThatThrownBy(() -> aws.sesV2().sendEmail(raw(MIME))).isInstanceOf(MessageRejectedException.class);
        assertThatThrownBy(() -> aws.sesV2().sendEmail(r -> r.fromEmailAddress("events@example.org")
                .destination(d -> d.bccAddresses("bob@example.org"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("x")).body(b -> b.text(t -> t.data("y")))))))
                .isInstanceOf(MessageRejectedException.class);
        aws.sesV2().sendEmail(raw(MIME.replace(",\r\n bob@example.org", "")));

        assertThat(aws.sentEmails()).hasSize(1);
    }

    @Test
    void reset_clearsTheOutboxAndFaults(LocalAws aws) {
        aws.sesV2().sendEmail(raw(MIME));
        aws.ses().rejectRecipient("ada@example.org");
        aws.ses().failNextWithThrottling(5);

        aws.reset();

        assertThat(aws.sentEmails()).isEmpty();
        aws.sesV2().sendEmail(raw(MIME));
        assertThat(aws.sentEmails()).hasSize(1);
    }

    @Test
    void environment_pointsChildProcessesAtTheEmulators(LocalAws aws) {
        Map<String, String> env = aws.environment();

        assertThat(env).containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", aws.endpoints().dynamoDb().toString())
                .containsEntry("AWS_ENDPOINT_URL_S3", aws.endpoints().s3().toString())
                .containsEntry("AWS_ENDPOINT_URL_SESV2", aws.endpoints().sesV2().toString())
                .containsEntry("EVENTS_TABLE", aws.tableName())
                .containsEntry("PAGES_BUCKET", aws.bucketName())
                .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    private static SendEmailRequest raw(String mime) {
        return SendEmailRequest.builder()
                .content(c -> c.raw(r -> r.data(SdkBytes.fromString(mime, StandardCharsets.UTF_8))))
                .build();
    }
}
