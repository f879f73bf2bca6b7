package io.handbill.local;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The local stack in a JVM of its own, for {@link LocalStackCrashIT} to SIGKILL or to crash at a {@link CrashPoint}:
 * {@code <data dir> <clock offset> [<crash point> <target suffix>]} (the offset an ISO duration: a restart can be
 * started later than the wall clock, past the reminder sweep's claim lease). Prints {@code READY <url> <admin token>}
 * and runs until killed.
 */
public final class CrashableLocalStack {
    private CrashableLocalStack() {
    }

    public static void main(String[] args) throws InterruptedException {
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.parse(args[1]));
        CrashPoint crash = args.length > 3 ? new CrashPoint(CrashPoint.Point.valueOf(args[2]), args[3]) : null;
        LocalStack stack = LocalStack.start(new LocalOptions(0, Path.of(args[0]), null, false), clock,
                crash != null ? crash : new ExecutionInterceptor() { });
        // the start-up rebuild runs on, but writes only pages of events there were before
        stack.awaitRendered(Duration.ofSeconds(30));
        if (crash != null) {
            crash.arm();
        }
        System.out.println("READY " + stack.url() + " " + stack.adminToken());
        Thread.currentThread().join();
    }
}
