package io.handbill.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables some code reads: through {@code Env.required}, {@code Env.optional} or
 * {@code System.getenv}, with the name as a literal or a String constant. When the name is neither (passed in from a
 * caller), every UPPER_SNAKE literal of that file counts as read, so a helper cannot hide a variable.
 */
final class EnvironmentReads {
    private static final Pattern REQUIRED = Pattern.compile("Env\\.required\\(\\s*([^,)]+?)\\s*\\)");
    private static final Pattern OPTIONAL = Pattern.compile(
            "(?:Env\\.optional\\(|System\\.getenv\\(|getenv\\(\\)\\.get(?:OrDefault)?\\()\\s*([^,)]+?)\\s*[,)]");
    private static final Pattern UPPER_SNAKE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    private EnvironmentReads() {
    }

    static List<Read> in(JavaSources sources) {
        Map<String, String> constants = sources.stringConstants();
        List<Read> reads = new ArrayList<>();
        for (var found : sources.find(REQUIRED)) {
            reads.addAll(resolve(found, true, constants, sources));
        }
        for (var found : sources.find(OPTIONAL)) {
            reads.addAll(resolve(found, false, constants, sources));
        }
        return reads;
    }

    static Set<String> names(List<Read> reads) {
        Set<String> names = new TreeSet<>();
        reads.forEach(read -> names.add(read.name()));
        return names;
    }

    private static List<Read> resolve(JavaSources.Found found, boolean required, Map<String, String> constants,
                                      JavaSources sources) {
        String argument = found.text();
        Matcher literal = LITERAL.matcher(argument);
        if (literal.matches()) {
            return List.of(new Read(literal.group(1), required, found.where()));
        }
        if (constants.containsKey(argument)) {
            return List.of(new Read(constants.get(argument), required, found.where()));
        }
        List<Read> inferred = new ArrayList<>();
        Matcher candidates = UPPER_SNAKE_LITERAL.matcher(sources.files.get(found.file()));
        while (candidates.find()) {
            inferred.add(new Read(candidates.group(1), required, found.where() + " (name passed as " + argument + ")"));
        }
        return inferred;
    }

    record Read(String name, boolean required, String where) {
    }
}
