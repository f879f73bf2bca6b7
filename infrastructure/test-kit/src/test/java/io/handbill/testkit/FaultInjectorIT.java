package io.handbill.testkit;

import io.handbill.testkit.FaultInjector.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each fault does to a call, as the functions' code will meet it: the SDK's retry, or the error it gives up with. */
@ExtendWith(LocalAwsExtension.class)
class FaultInjectorIT {
    private static final String RAW = "From: a@example.org\r\nTo: b@example.org\r\nSubject: Hi\r\n\r\nHello\r\n";

    @ParameterizedTest
    @EnumSource(Fault.class)
    void oneFault_isRetriedByTheSdk_andTheWriteHappensOnce(Fault fault, LocalAws aws) {
        var faults = new FaultInjector().inject(fault, "PutItem", 1, 1);
        var clients = aws.withFaults(faults);

        clients.dynamoDb().putItem(r -> r.tableName(aws.tableName()).item(item("A")));

        assertThat(faults.count("PutItem")).isEqualTo(2);
        assertThat(faults.injected()).containsExactly(Map.entry("PutItem " + fault, 1));
        assertThat(aws.dynamoDb().getItem(r -> r.tableName(aws.tableName()).key(item("A"))).hasItem()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void appliedThenLost_makesTheRetryOfAConditionalWriteFail_andThrottlingApplies(Fault fault, LocalAws aws) {
        var faults = new FaultInjector().inject(fault, "PutItem", 1, 1);
        var clients = aws.withFaults(faults);

        if (fault.applied()) {
            // the classic trap: the first attempt created the item, its retry finds it there
            assertThatThrownBy(() -> clients.dynamoDb().putItem(r -> r.tableName(aws.tableName()).item(item("B"))
                    .conditionExpression("attribute_not_exists(pk)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);
        } else {
            clients.dynamoDb().putItem(r -> r.tableName(aws.tableName()).item(item("B"))
                    .conditionExpression("attribute_not_exists(pk)"));
        }
        assertThat(aws.dynamoDb().getItem(r -> r.tableName(aws.tableName()).key(item("B"))).hasItem()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void asManyFaultsAsAttempts_reachTheCaller_andOnlyAppliedOnesLeaveTheWrite(Fault fault, LocalAws aws) {
        var faults = new FaultInjector().inject(fault, "PutObject", 1, LocalAws.FaultyClients.ATTEMPTS);
        var clients = aws.withFaults(faults);

        assertThatThrownBy(() -> clients.s3().putObject(r -> r.bucket(aws.bucketName()).key("page.html"),
                RequestBody.fromString("<p>hi</p>"))).isInstanceOf(SdkException.class);

        assertThat(faults.count("PutObject")).isEqualTo(LocalAws.FaultyClients.ATTEMPTS);
        assertThat(aws.s3().listObjectsV2(r -> r.bucket(aws.bucketName())).contents()).hasSize(fault.applied() ? 1 : 0);
    }

    @Test
    void sesSend_lostAfterItWasAccepted_isSentTwiceByTheSdkRetry(LocalAws aws) {
        var faults = new FaultInjector().inject(Fault.DROPPED_AFTER_APPLIED, "SendEmail", 1, 1);
        var clients = aws.withFaults(faults);

        clients.sesV2().sendEmail(SendEmailRequest.builder().fromEmailAddress("a@example.org")
                .content(c -> c.raw(r -> r.data(software.amazon.awssdk.core.SdkBytes.fromString(RAW,
                        StandardCharsets.UTF_8)))).build());

        // SES has no idempotency token: this is why the reminder sweep must not let the SDK retry a send
        assertThat(aws.sentEmails()).hasSize(2);
    }

    private static Map<String, AttributeValue> item(String name) {
        return Map.of("pk", AttributeValue.fromS("FAULT#" + name), "sk", AttributeValue.fromS("x"));
    }
}
