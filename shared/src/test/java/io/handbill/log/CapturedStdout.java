package io.handbill.log;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Points {@code System.out}, where the JSON lines logger writes, at a buffer until closed, so tests can read the logs. */
public final class CapturedStdout implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private CapturedStdout() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    public static CapturedStdout start() {
        return new CapturedStdout();
    }

    /** Everything written since {@link #start()}. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}
