package io.handbill.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * EventBridge Scheduler, locally: runs the reminder function every {@value #EVERY_MINUTES} minutes, and now when
 * asked ({@code POST /local/reminders/run}). One sweep at a time, as with a schedule whose target has reserved
 * concurrency 1.
 */
final class ReminderSweep implements AutoCloseable {
    static final int EVERY_MINUTES = 15;
    /** The function's timeout in template.yaml: the sweep stops sending well before it. */
    static final int TIMEOUT_MILLIS = 600_000;
    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);

    private final RequestHandler<ScheduledEvent, ?> reminders;
    private final IntSupplier sentCount;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "reminder-timer");
        thread.setDaemon(true);
        return thread;
    });

    /** @param sentCount how many emails the outbox holds, to tell how many a sweep sent */
    ReminderSweep(RequestHandler<ScheduledEvent, ?> reminders, IntSupplier sentCount) {
        this.reminders = reminders;
        this.sentCount = sentCount;
        long period = Duration.ofMinutes(EVERY_MINUTES).toSeconds();
        timer.scheduleAtFixedRate(this::runQuietly, period, period, TimeUnit.SECONDS);
    }

    /** Runs one sweep and returns how many emails it sent. */
    synchronized int runNow() {
        int before = sentCount.getAsInt();
        var event = new ScheduledEvent();
        event.setId(UUID.randomUUID().toString());
        event.setSource("aws.scheduler");
        event.setDetailType("Scheduled Event");
        event.setAccount("000000000000");
        event.setRegion("us-east-1");
        event.setResources(List.of("arn:aws:scheduler:us-east-1:000000000000:schedule/default/reminders"));
        event.setDetail(Map.of());
        reminders.handleRequest(event, LocalContext.startingNow("SendRemindersFunction", UUID.randomUUID().toString(),
                TIMEOUT_MILLIS));
        return sentCount.getAsInt() - before;
    }

    private void runQuietly() {
        try {
            int sent = runNow();
            log.info("Scheduled reminder sweep sent {} emails", sent);
        } catch (RuntimeException e) {
            log.error("Scheduled reminder sweep failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
