package io.handbill.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every function's shaded jar must be: small, and free of the Apache and Netty HTTP clients. */
public final class DeployableJar {
    public static final long MAX_BYTES = 12L * 1024 * 1024;
    /** Apache HttpClient 4 and 5, Netty, and the SDK's adapters of them; Apache Commons libraries are no client. */
    private static final List<String> FORBIDDEN = List.of("org/apache/http/", "org/apache/hc/", "io/netty",
            "software/amazon/awssdk/http/apache", "software/amazon/awssdk/http/nio/netty");

    private DeployableJar() {
    }

    public static void assertSmallWithoutApacheOrNetty(Path jar) throws IOException {
        try (var file = new JarFile(jar.toFile())) {
            List<String> forbidden = file.stream().map(JarEntry::getName)
                    .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith)).limit(10).toList();
            assertEquals(List.of(), forbidden, jar + " holds HTTP client classes the functions must not ship");
        }
        long size = Files.size(jar);
        assertTrue(size < MAX_BYTES, jar + " is " + size + " bytes, over " + MAX_BYTES);
    }
}
