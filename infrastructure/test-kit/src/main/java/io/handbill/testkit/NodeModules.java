package io.handbill.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds {@code infrastructure/node_modules}, where the build's {@code npm install} puts dynalite: from the
 * {@code handbill.nodeModules} system property (failsafe sets it), else by walking up from the working directory.
 */
final class NodeModules {
    static final String PROPERTY = "handbill.nodeModules";

    private NodeModules() {
    }

    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && hasDynalite(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("node_modules"), dir.resolve("infrastructure/node_modules")}) {
                if (hasDynalite(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("dynalite is not installed: run `mvn verify` (it runs `npm install` in "
                + "infrastructure/) or `npm install` in infrastructure/ yourself, or set -D" + PROPERTY
                + "=<path to infrastructure/node_modules>");
    }

    private static boolean hasDynalite(Path nodeModules) {
        return Files.isRegularFile(nodeModules.resolve("dynalite/cli.js"));
    }
}
