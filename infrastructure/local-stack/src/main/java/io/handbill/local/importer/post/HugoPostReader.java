package io.handbill.local.importer.post;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import io.handbill.model.Slugs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits a Hugo content file into front matter ({@code +++} TOML or {@code ---} YAML) and body, and reads both. */
public final class HugoPostReader {
    private static final ObjectMapper TOML = TomlMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

    public HugoPost read(Path file) throws IOException, MalformedPostException {
        return read(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    public HugoPost read(Path file, String content) throws MalformedPostException {
        List<String> lines = List.of(LINE_BREAK.split(content.startsWith("\uFEFF") ? content.substring(1) : content, -1));
        String opening = lines.get(0).strip();
        ObjectMapper mapper = switch (opening) {
            case "+++" -> TOML;
            case "---" -> YAML;
            default -> throw new MalformedPostException(file, 1,
                    "expected front matter: +++ (TOML) or --- (YAML) on the first line, found \"" + shorten(opening) + "\"");
        };
        int closing = 1;
        while (closing < lines.size() && !lines.get(closing).strip().equals(opening)) {
            closing++;
        }
        if (closing == lines.size()) {
            throw new MalformedPostException(file, 1, "front matter opened with " + opening + " is never closed");
        }
        FrontMatter front = frontMatter(file, mapper, lines, closing);
        if (front.title() == null || front.title().isBlank()) {
            throw new MalformedPostException(file, 1, "front matter has no title");
        }
        String body = String.join("\n", lines.subList(closing + 1, lines.size()));
        return new HugoPost(file, front, published(file, front, lines), slug(file, front), body, closing + 2,
                format(file));
    }

    private static FrontMatter frontMatter(Path file, ObjectMapper mapper, List<String> lines, int closing)
            throws MalformedPostException {
        String text = String.join("\n", lines.subList(1, closing));
        try {
            FrontMatter front = mapper.readValue(text.isBlank() ? emptyDocument(mapper) : text, FrontMatter.class);
            return front == null ? new FrontMatter(null, null, null, null, null, null, null, null, null) : front;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                throw new MalformedPostException(file, syntaxLine(syntax), "front matter: " + problem(syntax));
            }
            // a value of the wrong type: the parser's location is gone by now, but the key's line is not
            String key = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            int line = key == null ? syntaxLine(e) : lineOfKey(lines, key);
            throw new MalformedPostException(file, line, "front matter: " + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new MalformedPostException(file, syntaxLine(e), "front matter: " + problem(e));
        }
    }

    /** The file line of a syntax error: +1 as the front matter starts on the line after the opening delimiter. */
    private static int syntaxLine(JsonProcessingException e) {
        if (e instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return yaml.getProblemMark().getLine() + 2; // SnakeYAML counts lines from 0
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? 1 : at.getLineNr() + 1;
    }

    /** SnakeYAML's messages quote the front matter with its own line numbers; keep only what went wrong. */
    private static String problem(JsonProcessingException e) {
        if (e instanceof MarkedYAMLException yaml) {
            return (yaml.getContext() == null ? "" : yaml.getContext() + ": ") + yaml.getProblem();
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static String emptyDocument(ObjectMapper mapper) {
        return mapper == YAML ? "{}" : "";
    }

    private static LocalDate published(Path file, FrontMatter front, List<String> lines) throws MalformedPostException {
        String date = front.date();
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            if (date.length() == 10) {
                return LocalDate.parse(date);
            }
            try {
                return OffsetDateTime.parse(date).toLocalDate();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(date).toLocalDate();
            }
        } catch (DateTimeParseException e) {
            throw new MalformedPostException(file, lineOfKey(lines, "date"),
                    "date \"" + shorten(date) + "\" is not an ISO date such as 2017-09-09T10:01:54+00:00");
        }
    }

    private static int lineOfKey(List<String> lines, String key) {
        Pattern keyLine = Pattern.compile("^\\s*" + key + "\\s*[=:].*");
        for (int i = 1; i < lines.size(); i++) {
            if (keyLine.matcher(lines.get(i)).matches()) {
                return i + 1;
            }
        }
        return 1;
    }

    /** Hugo's own rule: the front matter slug, else the file name, or the folder name of a page bundle's index. */
    private static String slug(Path file, FrontMatter front) {
        if (front.slug() != null && !front.slug().isBlank()) {
            return slugify(front.slug());
        }
        String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        if (name.equals("index") && file.getParent() != null && file.getParent().getFileName() != null) {
            name = file.getParent().getFileName().toString();
        }
        return slugify(name);
    }

    private static String slugify(String name) {
        String slug = NOT_SLUG.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        return slug.length() > Slugs.MAX_LENGTH ? slug.substring(0, Slugs.MAX_LENGTH).replaceAll("-+$", "") : slug;
    }

    private static HugoPost.BodyFormat format(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") ? HugoPost.BodyFormat.HTML : HugoPost.BodyFormat.MARKDOWN;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
