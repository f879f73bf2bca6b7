package io.handbill.reminder;

import io.handbill.fixtures.Drafts;
import io.handbill.fixtures.Events;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.Subscriber;
import io.handbill.testkit.ChildJvm;
import io.handbill.testkit.DeployableJar;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployable jar itself, in a child JVM configured only by environment variables as Lambda would configure it:
 * proves the shade filters (SES v2 model trimmed to SendEmail, only the event types used) left out
 * nothing a real sweep touches, with bytecode verification on as in Lambda.
 */
@ExtendWith(LocalAwsExtension.class)
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "reminder-email.jar");

    @Test
    void shadedJar_runsASweepFromTheEnvironment_mailsTheDueReminderAndADigest_andRecordsARejection(LocalAws aws)
            throws Exception {
        // given: a reminder window that opened five minutes ago, two new events, and one confirmed reader
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        givenEventStarting(aws, "shaded", now.plus(Duration.ofDays(7)).minus(Duration.ofMinutes(5)),
                now.minus(Duration.ofDays(30)));
        givenEventStarting(aws, "new-1", now.plus(Duration.ofDays(40)), now.minus(Duration.ofMinutes(5)));
        givenEventStarting(aws, "new-2", now.plus(Duration.ofDays(41)), now.minus(Duration.ofMinutes(5)));
        Subscriber pending = Subscriber.pending("ann@example.org", now.minus(Duration.ofDays(1)));
        var subscribers = new DynamoDbSubscriberStore(aws.dynamoDb(), aws.tableName());
        subscribers.create(pending.confirm(now.minus(Duration.ofDays(1))));
        // and one that SES refuses, so the error path (exception unmarshalling) runs from the jar too
        subscribers.create(Subscriber.pending("bounce@example.org", now.minus(Duration.ofDays(1)))
                .confirm(now.minus(Duration.ofDays(1))));
        aws.ses().rejectRecipient("bounce@example.org");

        // when
        var environment = new HashMap<>(aws.environment());
        environment.putAll(Map.of("SITE_URL", "https://events.example.org",
                "GROUP_NAME", "Leeds DevOps", "ORGANISER_EMAIL", "organisers@example.org",
                "SENDER_EMAIL", "events@example.org", "HMAC_SECRET", "shaded-jar-test-secret-0123456789",
                "REMINDER_WINDOWS", "P7D,PT24H", "ANNOUNCE_NEW_EVENTS", "true", "SEND_RATE_PER_SECOND", "10"));
        ChildJvm.Result sweep = ChildJvm.run(environment, Duration.ofSeconds(90), "-Xshare:off",
                "-cp", JAR.toString(), SendRemindersHandler.class.getName());

        // then
        String log = sweep.log();
        assertThat(sweep.finished()).as(log).isTrue();
        assertThat(sweep.exitValue()).as(log).isZero();
        assertThat(log).contains("COMPLETE").doesNotContain("Exception", "ZoneInfo");
        assertThat(aws.sentEmails()).hasSize(2);
        ParsedMail reminder = ParsedMail.parse(aws.sentEmails().get(0).raw());
        assertThat(reminder.header("To")).isEqualTo("ann@example.org");
        assertThat(reminder.message().getSubject()).startsWith("Reminder: ");
        ParsedMail digest = ParsedMail.parse(aws.sentEmails().get(1).raw());
        assertThat(digest.message().getSubject()).isEqualTo("2 new events from Leeds DevOps");
        assertThat(digest.html()).contains("/events/new-1.ics", "/events/new-2.ics");
        assertThat(subscribers.get("bounce@example.org")).get().extracting(Subscriber::rejection)
                .isEqualTo("MessageRejected");
    }

    private static void givenEventStarting(LocalAws aws, String slug, Instant start, Instant created) {
        ZoneId london = ZoneId.of("Europe/London");
        LocalDateTime local = LocalDateTime.ofInstant(start, london);
        aws.eventStore().create(Events.published(slug + "-event", Drafts.seedWithoutProgramme().slug(slug)
                .start(local).end(local.plusHours(3)).timeZone(london.getId()), created));
    }

    @Test
    void shadedJar_holdsNoApacheOrNettyClient_andStaysUnder12Mb() throws Exception {
        DeployableJar.assertSmallWithoutApacheOrNetty(JAR);
    }
}
