package io.handbill.local;

import io.handbill.aws.Env;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * {@code java -jar handbill-local.jar}: starts the whole product on one port and prints
 * {@code Handbill local stack ready at http://localhost:PORT}; Ctrl-C or SIGTERM stops it, emulators included.
 */
public final class HandbillLocal {
    private HandbillLocal() {
    }

    public static void main(String[] args) {
        LocalOptions options;
        try {
            options = LocalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(options);
        } catch (RuntimeException e) {
            System.err.println("Handbill local stack did not start: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            System.exit(1);
            return;
        }
        Path stackFile = LocalStackFile.location(Env.processVariables());
        try {
            LocalStackFile.write(stackFile, stack.url(), stack.adminToken());
        } catch (UncheckedIOException e) {
            System.err.println("Warning: " + e.getMessage() + "; the importer needs --api " + stack.url() + "/api");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalStackFile.remove(stackFile);
            stack.close();
            System.out.println("Handbill local stack stopped");
        }, "handbill-local-stop"));
        long millis = ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
        System.out.printf("""
                Admin token:  %s
                Admin form:   %s/admin/
                Public site:  %s/
                Calendar:     %s/calendar.ics
                Outbox:       %s/outbox/
                Data:         %s
                Found by the importer through %s
                Started in %d ms from process start
                %n""", stack.adminToken(), stack.url(), stack.url(), stack.url(), stack.url(),
                options.dataDir() == null ? "temporary (use --data DIR to keep it)" : options.dataDir(), stackFile,
                millis);
        stack.sampleReminderDue().ifPresent(due -> System.out.println("Try a reminder: subscribe on the upcoming "
                + "sample event's page, confirm through the outbox, and after "
                + LocalTime.ofInstant(due, ZoneId.systemDefault()).truncatedTo(ChronoUnit.MINUTES)
                + " press \"Run the reminder sweep now\" on " + stack.url() + "/outbox/\n"));
        System.out.println("Handbill local stack ready at " + stack.url());
    }
}
