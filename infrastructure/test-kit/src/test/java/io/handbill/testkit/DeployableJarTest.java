package io.handbill.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployableJarTest {
    @TempDir
    Path dir;

    @Test
    void smallJarOfOurOwnClasses_passes() throws IOException {
        assertThatCode(() -> DeployableJar.assertSmallWithoutApacheOrNetty(jar("io/handbill/A.class", 100)))
                .doesNotThrowAnyException();
    }

    @Test
    void jarWithTheApacheClient_failsNamingTheEntry() throws IOException {
        Path jar = jar("software/amazon/awssdk/http/apache/ApacheHttpClient.class", 100);
        assertThatThrownBy(() -> DeployableJar.assertSmallWithoutApacheOrNetty(jar))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("ApacheHttpClient");
    }

    @Test
    void jarWithApacheHttpClient4_fails_butApacheCommonsIsNoClient() throws IOException {
        assertThatThrownBy(() -> DeployableJar.assertSmallWithoutApacheOrNetty(
                jar("org/apache/http/impl/client/HttpClients.class", 100))).isInstanceOf(AssertionError.class);
        assertThatCode(() -> DeployableJar.assertSmallWithoutApacheOrNetty(
                jar("org/apache/commons/lang3/StringUtils.class", 100))).doesNotThrowAnyException();
    }

    @Test
    void jarOfTwelveMebibytes_fails() throws IOException {
        Path jar = jar("io/handbill/Big.bin", (int) DeployableJar.MAX_BYTES);
        assertThatThrownBy(() -> DeployableJar.assertSmallWithoutApacheOrNetty(jar))
                .isInstanceOf(AssertionFailedError.class).hasMessageContaining("bytes, over");
    }

    private Path jar(String entry, int bytes) throws IOException {
        Path jar = dir.resolve("function.jar");
        try (OutputStream file = Files.newOutputStream(jar); var out = new JarOutputStream(file)) {
            var stored = new JarEntry(entry);
            stored.setMethod(JarEntry.STORED);
            byte[] body = new byte[bytes];
            stored.setSize(bytes);
            var crc = new java.util.zip.CRC32();
            crc.update(body);
            stored.setCrc(crc.getValue());
            out.putNextEntry(stored);
            out.write(body);
            out.closeEntry();
        }
        return jar;
    }
}
