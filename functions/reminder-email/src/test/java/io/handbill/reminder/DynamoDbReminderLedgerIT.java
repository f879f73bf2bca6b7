package io.handbill.reminder;

import io.handbill.store.HandbillTable;
import io.handbill.testkit.LocalAws;
import io.handbill.testkit.LocalAwsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalAwsExtension.class)
class DynamoDbReminderLedgerIT extends ReminderLedgerContract {
    private LocalAws aws;
    private DynamoDbReminderLedger ledger;

    @BeforeEach
    void wire(LocalAws aws) {
        this.aws = aws;
        ledger = new DynamoDbReminderLedger(aws.dynamoDb(), aws.tableName());
    }

    @Override
    ReminderLedger ledger() {
        return ledger;
    }

    /** The outcome enum is stored by name: states written before it was an enum still read, and vice versa. */
    @Test
    void sweepOutcome_isStoredByItsName() {
        ledger.saveSweepState(new SweepState(T0, T0, T0, SweepState.Outcome.THROTTLED, 1, 0, 1));

        String doc = aws.dynamoDb().getItem(r -> r.tableName(aws.tableName()).key(Map.of(
                HandbillTable.PK, AttributeValue.fromS("SWEEP"), HandbillTable.SK, AttributeValue.fromS("REMINDERS"))))
                .item().get("doc").s();
        assertThat(doc).contains("\"outcome\":\"THROTTLED\"");

        aws.dynamoDb().putItem(r -> r.tableName(aws.tableName()).item(Map.of(
                HandbillTable.PK, AttributeValue.fromS("SWEEP"), HandbillTable.SK, AttributeValue.fromS("REMINDERS"),
                "doc", AttributeValue.fromS(doc.replace("THROTTLED", "DISCOVERED")))));
        assertThat(ledger.sweepState()).get().extracting(SweepState::outcome)
                .isEqualTo(SweepState.Outcome.DISCOVERED);
    }
}
