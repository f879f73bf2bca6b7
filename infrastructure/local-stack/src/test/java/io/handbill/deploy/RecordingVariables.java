package io.handbill.deploy;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Environment variables that remember which names were looked up. Iterating is refused, so a config cannot read a
 * variable without it being recorded.
 */
final class RecordingVariables extends AbstractMap<String, String> {
    private final Map<String, String> variables;
    private final Set<String> read = new TreeSet<>();

    RecordingVariables(Map<String, String> variables) {
        this.variables = variables;
    }

    Set<String> read() {
        return read;
    }

    @Override
    public String get(Object name) {
        read.add((String) name);
        return variables.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        read.add((String) name);
        return variables.containsKey(name);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        throw new UnsupportedOperationException("read variables by name, so that the read is recorded");
    }
}
