package io.handbill.reminder;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.handbill.aws.AwsClients;
import io.handbill.aws.Env;
import io.handbill.mail.MailSender;
import io.handbill.rsvp.DynamoDbRsvpStore;
import io.handbill.store.DynamoDbEventStore;
import io.handbill.subscriber.DynamoDbSubscriberStore;
import io.handbill.subscriber.SubscriberTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * EventBridge Scheduler target, every 15 minutes: one {@link ReminderSweep}. It stops sending while a safety margin
 * of the Lambda timeout is left (a send can take a few seconds of throttling backoff) and the next tick resumes.
 * Unexpected errors propagate so that Lambda retries and reports them.
 *
 * <p>A stream handler: the tick carries nothing the sweep needs, and a typed {@code ScheduledEvent} would have the
 * runtime load its event serialisation (Jackson mix-ins, Joda-Time; some 900 classes) on every cold start just to
 * ignore it. The response is the sweep's outcome as a JSON string, e.g. {@code "COMPLETE"}.
 */
public final class SendRemindersHandler implements RequestStreamHandler {
    static final long SAFETY_MARGIN_MILLIS = 30_000;

    private final ReminderSweep sweep;

    public SendRemindersHandler() {
        this(ReminderEmailConfig.from(Env.processVariables()), AwsClients.dynamoDb(), AwsClients.sesV2(),
                Clock.systemUTC());
    }

    /** The function's wiring, on the given clients: the runtime, the local stack and the benchmark use it. */
    public SendRemindersHandler(ReminderEmailConfig config, DynamoDbClient dynamo, SesV2Client ses, Clock clock) {
        this(sweep(config, dynamo, config.ses().sender(ses), clock));
    }

    public SendRemindersHandler(ReminderSweep sweep) {
        this.sweep = sweep;
    }

    /** The sweep on the given table and mail sender. */
    static ReminderSweep sweep(ReminderEmailConfig config, DynamoDbClient dynamo, MailSender sender, Clock clock) {
        String table = config.eventsTable();
        return new ReminderSweep(new DynamoDbEventStore(dynamo, table), new DynamoDbSubscriberStore(dynamo, table),
                new DynamoDbReminderLedger(dynamo, table), new ReminderMail(config.site(),
                config.reminders().senderEmail(), new SubscriberTokens(config.secret().read()), clock), sender,
                config.reminders(), clock).withAttendees(GoingAttendees.of(new DynamoDbRsvpStore(dynamo, table)));
    }

    /**
     * Runs one sweep now, configured from the environment as in Lambda:
     * {@code java -cp functions/reminder-email/target/reminder-email.jar io.handbill.reminder.SendRemindersHandler}.
     */
    public static void main(String[] args) {
        System.out.println(new SendRemindersHandler().run(null));
    }

    /** The scheduled invocation: the tick itself is not read. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(('"' + run(context) + '"').getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One sweep; returns its outcome's name.
     *
     * @param context may be {@code null} (a local run): then the sweep runs until it is done
     */
    public String run(Context context) {
        BooleanSupplier timeLeft = context == null ? () -> true
                : () -> context.getRemainingTimeInMillis() > SAFETY_MARGIN_MILLIS;
        return sweep.run(timeLeft).outcome().name();
    }
}
