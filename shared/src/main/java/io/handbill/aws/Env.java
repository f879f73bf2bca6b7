package io.handbill.aws;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads settings from a map of environment variables (named in template.yaml). The {@code *Config} records parse
 * through it, so a missing or malformed value fails at init with one line naming the variable. Only
 * {@link #processVariables()} touches the process environment; the local stack and tests pass their own map.
 */
public final class Env {
    private final Map<String, String> variables;

    public Env(Map<String, String> variables) {
        this.variables = Objects.requireNonNull(variables, "variables");
    }

    /** The process environment: what Lambda sets from template.yaml. The one read of it in main code. */
    public static Map<String, String> processVariables() {
        return System.getenv();
    }

    public static Env system() {
        return new Env(processVariables());
    }

    public String required(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }

    /** @param fallback may be {@code null}: an unset optional value */
    public String optional(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public int wholeNumber(String name, int fallback, int min, String unit) {
        String value = optional(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, by name
        }
        throw malformed(name, "a whole number of " + unit + (min > 0 ? " >= " + min : ""), value);
    }

    public double positiveNumber(String name, double fallback) {
        String value = optional(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number > 0 && !Double.isInfinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, by name
        }
        throw malformed(name, "a positive number", value);
    }

    public boolean flag(String name, boolean fallback) {
        String value = optional(name, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed(name, "true or false", value);
        };
    }

    /** A comma-separated list of ISO-8601 durations, each positive, at least one. */
    public List<Duration> durations(String name, String fallback) {
        String value = optional(name, fallback);
        try {
            List<Duration> durations = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Duration::parse).toList();
            if (!durations.isEmpty() && durations.stream().noneMatch(d -> d.isNegative() || d.isZero())) {
                return durations;
            }
        } catch (DateTimeParseException e) {
            // reported below, by name
        }
        throw malformed(name, "positive ISO-8601 durations separated by commas (e.g. P7D,PT24H)", value);
    }

    private static IllegalStateException malformed(String name, String expected, String value) {
        return new IllegalStateException(name + " must be " + expected + ", got \"" + value + "\"");
    }
}
