package io.handbill.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalStackFileTest {

    @Test
    void written_isReadBack_ownerOnly_andRemovedByTheStackThatWroteIt(@TempDir Path home) throws Exception {
        Path file = LocalStackFile.location(Map.of(LocalStackFile.HOME_VARIABLE, home.toString()));

        LocalStackFile.write(file, "http://localhost:18200", "t0ken");

        assertThat(file).isEqualTo(home.resolve("local-stack.json"));
        assertThat(LocalStackFile.read(file)).get().satisfies(entry -> {
            assertThat(entry.api()).isEqualTo("http://localhost:18200/api");
            assertThat(entry.token()).isEqualTo("t0ken");
            assertThat(entry.pid()).isEqualTo(ProcessHandle.current().pid());
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        LocalStackFile.remove(file);
        assertThat(file).doesNotExist();
    }

    @Test
    void anotherStacksFile_isLeftInPlace(@TempDir Path home) throws Exception {
        Path file = home.resolve("local-stack.json");
        Files.writeString(file, "{\"url\":\"http://localhost:18300\",\"token\":\"other\",\"pid\":1}");

        LocalStackFile.remove(file);

        assertThat(LocalStackFile.read(file)).get().extracting(LocalStackFile.Entry::token).isEqualTo("other");
    }
}
