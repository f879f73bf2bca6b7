package io.handbill.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The local stack in a JVM of its own, for {@link LocalStackCrashIT} to SIGKILL: {@code <data dir> <clock offset>}
 * (an ISO duration: a restart can be started later than the wall clock, past the reminder sweep's claim lease).
 * Prints {@code READY <url> <admin token>} and runs until killed.
 */
public final class CrashableLocalStack {
    private CrashableLocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.parse(args[1]));
        LocalStack stack = LocalStack.start(new LocalOptions(0, Path.of(args[0]), null, false), clock);
        System.out.println("READY " + stack.url() + " " + stack.adminToken());
        Thread.currentThread().join();
    }
}
