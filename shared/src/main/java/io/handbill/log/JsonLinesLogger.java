package io.handbill.log;

import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes each enabled call as one JSON line: {@code time}, {@code level}, {@code logger}, {@code message}, then the
 * MDC entries and the fluent API's key-value pairs as fields, then {@code error} and {@code stackTrace} when a
 * throwable is attached. Key-value pairs keep their JSON type when they are numbers or booleans.
 */
final class JsonLinesLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private final Level threshold;

    JsonLinesLogger(String name, Level threshold) {
        this.name = name;
        this.threshold = threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        write(level, MessageFormatter.basicArrayFormat(pattern, arguments), List.of(), throwable);
    }

    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) {
            return;
        }
        Object[] arguments = event.getArgumentArray();
        Throwable throwable = event.getThrowable();
        if (throwable == null) {
            throwable = MessageFormatter.getThrowableCandidate(arguments);
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        write(event.getLevel(), MessageFormatter.basicArrayFormat(event.getMessage(), arguments), pairs, throwable);
    }

    private void write(Level level, String message, List<KeyValuePair> pairs, Throwable throwable) {
        var line = new JsonLine()
                .field("time", Instant.now().toString())
                .field("level", level.name())
                .field("logger", name)
                .field("message", message);
        Map<String, String> context = MDC.getCopyOfContextMap();
        if (context != null) {
            context.forEach(line::field);
        }
        for (KeyValuePair pair : pairs) {
            line.field(pair.key, pair.value);
        }
        if (throwable != null) {
            line.field("error", throwable.getClass().getName()).field("stackTrace", JsonLine.stackTrace(throwable));
        }
        // one print call per line, so lines from concurrent threads never interleave
        System.out.print(line.end());
    }
}
