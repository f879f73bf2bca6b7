package io.handbill.model;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Old URLs of an event that keep working (an alias such as {@code /post/165733000/leeds-devops}): each is a redirect
 * object in the pages bucket. Two aliases that land on one object are one alias, so uniqueness and reserved paths
 * ({@link SitePaths#isReservedKey}) are decided on the bucket key, not on the text typed.
 */
public final class Aliases {
    private Aliases() {
    }

    /**
     * The bucket key a request for {@code alias} reads, as the CDN maps it ({@code /old/} and {@code /old} both
     * read {@code old/index.html}; {@code /old/page.html} reads itself) after S3 decodes its percent-escapes. Empty
     * when the alias is no usable path: not starting with {@code /}, the root, an escape that is not UTF-8, or a
     * decoded {@code .}/{@code ..} segment, empty segment or control character.
     */
    public static Optional<String> key(String alias) {
        if (alias == null || !alias.startsWith("/") || alias.length() == 1) {
            return Optional.empty();
        }
        String path = alias.endsWith("/") ? alias.substring(1, alias.length() - 1) : alias.substring(1);
        Optional<String> decoded = percentDecoded(path);
        if (decoded.isEmpty() || decoded.get().isEmpty()) {
            return Optional.empty();
        }
        List<String> segments = List.of(decoded.get().split("/", -1));
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || segment.codePoints().anyMatch(Character::isISOControl)) {
                return Optional.empty();
            }
        }
        // the CDN looks for the dot before S3 decodes: /a%2Ehtml reads a.html/index.html
        String rawLast = path.substring(path.lastIndexOf('/') + 1);
        return Optional.of(rawLast.contains(".") && !alias.endsWith("/") ? decoded.get()
                : decoded.get() + "/" + SitePaths.INDEX_FILE);
    }

    /** The bucket keys of an event's aliases that are usable paths, in the event's order, each once. */
    public static List<String> keys(Event event) {
        return event.aliases().stream().map(Aliases::key).flatMap(Optional::stream).distinct().toList();
    }

    private static Optional<String> percentDecoded(String path) {
        if (path.indexOf('%') < 0) {
            return Optional.of(path);
        }
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                    || Character.digit(path.charAt(i + 2), 16) < 0) {
                return Optional.empty();
            }
            bytes.write(Integer.parseInt(path, i + 1, i + 3, 16));
            i += 2;
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
