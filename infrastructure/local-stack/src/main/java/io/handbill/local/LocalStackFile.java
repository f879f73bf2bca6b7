package io.handbill.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.handbill.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running local stack says where it is: {@code ~/.handbill/local-stack.json} (or under {@code $HANDBILL_HOME})
 * holds its URL and admin token, so the importer finds a stack on any port. Only the owner may read it; the stack
 * removes it when it stops.
 */
public final class LocalStackFile {
    public static final String HOME_VARIABLE = "HANDBILL_HOME";
    static final String NAME = "local-stack.json";

    /** What the file says. */
    public record Entry(String url, String token, long pid) {
        public String api() {
            return url.replaceAll("/+$", "") + "/api";
        }
    }

    private LocalStackFile() {
    }

    /** @param env the environment, for {@code HANDBILL_HOME} */
    public static Path location(Map<String, String> env) {
        String home = env.get(HOME_VARIABLE);
        return (home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".handbill") : Path.of(home))
                .resolve(NAME);
    }

    public static void write(Path file, String url, String token) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), NAME, ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, Json.write(new Entry(url, token, ProcessHandle.current().pid())));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the file if it is still this process's (another stack may have started since). */
    public static void remove(Path file) {
        read(file).filter(e -> e.pid() == ProcessHandle.current().pid()).ifPresent(e -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a file left behind is found stale by the next reader
            }
        });
    }

    public static Optional<Entry> read(Path file) {
        try {
            JsonNode node = Json.MAPPER.readTree(Files.readString(file));
            if (!node.path("url").isTextual() || !node.path("token").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(node.get("url").asText(), node.get("token").asText(),
                    node.path("pid").asLong()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
