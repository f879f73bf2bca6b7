package io.handbill.log;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Builds one JSON object on one line. Hand-written so that logging loads no JSON library at cold start. */
final class JsonLine {
    private final StringBuilder out = new StringBuilder(256).append('{');

    JsonLine field(String key, Object value) {
        if (out.length() > 1) {
            out.append(',');
        }
        string(key);
        out.append(':');
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            out.append(number);
        } else {
            string(value.toString());
        }
        return this;
    }

    String end() {
        return out.append("}\n").toString();
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // control characters, and the line/paragraph separators some log viewers split on
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String stackTrace(Throwable throwable) {
        var text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
