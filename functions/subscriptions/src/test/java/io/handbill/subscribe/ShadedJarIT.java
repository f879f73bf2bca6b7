package io.handbill.subscribe;

import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.subscriber.SubscriberState;
import io.handbill.testkit.ChildJvm;
import io.handbill.testkit.DeployableJar;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployable jar itself, alone on a child JVM's class path and configured only by environment variables:
 * proves the shade filters (DynamoDB and SES v2 trimmed to the calls made) left out nothing a subscribe needs.
 */
@ExtendWith(LocalAwsExtension.class)
class ShadedJarIT {

    @Test
    void shadedJar_subscribesFromTheEnvironment_andMailsTheConfirmation(LocalAws aws) throws Exception {
        var environment = new HashMap<>(aws.environment());
        environment.putAll(Map.of("SITE_URL", "https://events.example.org", "GROUP_NAME", "Leeds DevOps",
                "ORGANISER_EMAIL", "organisers@example.org", "SENDER_EMAIL", "events@example.org",
                "HMAC_SECRET", "shaded-jar-test-secret-0123456789", "SEND_RATE_PER_SECOND", "10"));
        ChildJvm.Result subscribe = ChildJvm.run(environment, Duration.ofSeconds(90),
                "-cp", Path.of("target", "subscriptions.jar").toString(),
                Path.of("src", "test", "shaded", "SubscribeThroughShadedJar.java").toString(), "Ann@Example.org");

        String log = subscribe.log();
        assertThat(subscribe.finished()).as(log).isTrue();
        assertThat(subscribe.exitValue()).as(log).isZero();
        assertThat(log).contains("status 202");
        assertThat(aws.sentEmails()).hasSize(1);
        assertThat(new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName()).get("ann@example.org")).get()
                .extracting(Subscriber::state, Subscriber::email).containsExactly(SubscriberState.PENDING, "Ann@Example.org");
    }

    @Test
    void shadedJar_holdsNoApacheOrNettyClient_andStaysUnder12Mb() throws Exception {
        DeployableJar.assertSmallWithoutApacheOrNetty(Path.of("target", "subscriptions.jar"));
    }
}
