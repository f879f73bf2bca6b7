package io.handbill.log;

import io.handbill.aws.Env;
import org.slf4j.event.Level;

import java.util.Locale;

/** Which level each logger writes at: ours at the configured level, libraries at WARN unless configured stricter. */
record LogLevels(Level ours) {
    static final String OWN_PREFIX = "io.handbill.";

    static LogLevels fromEnvironment() {
        String configured = System.getProperty("LOG_LEVEL", Env.system().optional("LOG_LEVEL", null));
        return new LogLevels(parse(configured));
    }

    static Level parse(String name) {
        if (name == null || name.isBlank()) {
            return Level.INFO;
        }
        try {
            return Level.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }

    /** The least severe level the named logger writes. */
    Level thresholdFor(String loggerName) {
        if (loggerName.startsWith(OWN_PREFIX) || ours.toInt() >= Level.WARN.toInt()) {
            return ours;
        }
        return Level.WARN;
    }
}
