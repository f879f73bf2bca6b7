package io.handbill.log;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Points {@code System.out}, where the JSON lines logger writes, at a buffer, so tests can read the logs: either
 * around a block ({@code try (var stdout = CapturedStdout.start())}) or around every test of a class
 * ({@code @RegisterExtension final CapturedStdout stdout = CapturedStdout.eachTest();}).
 */
public final class CapturedStdout implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
    private PrintStream original;
    private ByteArrayOutputStream captured;

    private CapturedStdout() {
    }

    public static CapturedStdout start() {
        CapturedStdout stdout = new CapturedStdout();
        stdout.capture();
        return stdout;
    }

    /** Captures from before each test until after it, as a JUnit extension. */
    public static CapturedStdout eachTest() {
        return new CapturedStdout();
    }

    /** Everything written since the capture started. */
    public String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(original);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        capture();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void capture() {
        original = System.out;
        captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }
}
