package io.handbill.deploy;

import static org.assertj.core.api.Assertions.fail;

/** Loads the Handler class a template function names, from this test's classpath (local-stack depends on every function). */
final class HandlerClasses {
    private HandlerClasses() {
    }

    static String className(String handler) {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }

    static Class<?> load(String handler, String module) {
        String className = className(handler);
        try {
            return Class.forName(className, false, HandlerClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return fail(className + " is not on this test's classpath: "
                    + "infrastructure/local-stack needs a dependency on io.handbill:" + module);
        }
    }
}
