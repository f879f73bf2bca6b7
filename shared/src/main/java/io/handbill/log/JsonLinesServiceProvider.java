package io.handbill.log;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * SLF4J 2 binding that writes one JSON object per line to standard output, which Lambda forwards to CloudWatch
 * Logs as one entry per line. It is a few small classes with no configuration files to parse, so it costs next
 * to nothing at cold start.
 *
 * <p>Levels: {@code io.handbill.*} loggers log at {@code LOG_LEVEL} (environment variable or system property
 * {@code LOG_LEVEL}; default INFO); every other library logs at WARN or the configured level, whichever is
 * stricter, so SDK and emulator chatter stays out of the logs.
 */
public final class JsonLinesServiceProvider implements SLF4JServiceProvider {
    private ILoggerFactory loggerFactory;
    private IMarkerFactory markerFactory;
    private MDCAdapter mdcAdapter;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        loggerFactory = new JsonLinesLoggerFactory(LogLevels.fromEnvironment());
        markerFactory = new BasicMarkerFactory();
        mdcAdapter = new BasicMDCAdapter();
    }
}
