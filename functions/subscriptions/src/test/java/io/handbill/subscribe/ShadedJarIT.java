package io.handbill.subscribe;

import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberState;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployable jar itself, alone on a child JVM's class path and configured only by environment variables:
 * proves the shade filters (DynamoDB and SES v2 trimmed to the calls made) left out nothing a subscribe needs.
 */
@ExtendWith(LocalAwsExtension.class)
class ShadedJarIT {

    @Test
    void shadedJar_subscribesFromTheEnvironment_andMailsTheConfirmation(LocalAws aws) throws Exception {
        var process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", Path.of("target", "subscriptions.jar").toString(),
                Path.of("src", "test", "shaded", "SubscribeThroughShadedJar.java").toString(), "Ann@Example.org")
                .redirectErrorStream(true);
        process.environment().putAll(aws.environment());
        process.environment().putAll(Map.of("SITE_URL", "https://events.example.org", "GROUP_NAME", "Leeds DevOps",
                "ORGANISER_EMAIL", "organisers@example.org", "SENDER_EMAIL", "events@example.org",
                "HMAC_SECRET", "shaded-jar-test-secret-0123456789", "SEND_RATE_PER_SECOND", "10"));
        Path output = Files.createTempFile("subscribe", ".log");
        Process subscribe = process.redirectOutput(output.toFile()).start();
        boolean finished = subscribe.waitFor(90, TimeUnit.SECONDS);

        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as(log).isTrue();
        assertThat(subscribe.exitValue()).as(log).isZero();
        assertThat(log).contains("status 202");
        assertThat(aws.sentEmails()).hasSize(1);
        assertThat(new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName()).get("ann@example.org")).get()
                .extracting(Subscriber::state, Subscriber::email).containsExactly(SubscriberState.PENDING, "Ann@Example.org");
    }
}
