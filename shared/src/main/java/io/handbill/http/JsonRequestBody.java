package io.handbill.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.handbill.json.Json;
import io.handbill.validation.FieldError;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body into a request record with {@link Json#MAPPER}'s strict rules, turning every way it
 * can fail into a problem that names the field: 413 when too large, 415 when not JSON, 400 for malformed JSON,
 * unknown fields and wrong types ({@code agenda[2].start}: "Expected a local date-time …"). Nothing of the
 * parser's own messages reaches the client.
 */
public final class JsonRequestBody {
    /** The largest body the admin API accepts (the validation rules of the product brief). */
    public static final int MAX_BYTES = 256 * 1024;
    static final String BODY = "body";

    private JsonRequestBody() {
    }

    public static <T> T read(ApiRequest request, Class<T> type) {
        return read(request, type, MAX_BYTES);
    }

    public static <T> T read(ApiRequest request, Class<T> type, int maxBytes) {
        if (request.bodySizeAtLeast() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body = request.body();
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (body.length == 0) {
            throw new ProblemException(Problem.invalid(BODY, "required", "Send the request as a JSON object."));
        }
        if (!isJson(request.header("Content-Type").orElse(null))) {
            throw new ProblemException(Problem.of(415, "Send the body as application/json."),
                    Map.of("Accept-Post", HttpResponse.JSON));
        }
        T value;
        try {
            value = Json.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.invalid(List.of(fieldError(e))));
        } catch (IOException e) {
            throw new ProblemException(Problem.invalid(BODY, "malformed_json", "The body is not valid JSON."));
        }
        if (value == null) {
            throw new ProblemException(Problem.invalid(BODY, "wrong_type", "Expected a JSON object."));
        }
        return value;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(HttpResponse.JSON) && !(mediaType.startsWith("application/")
                && mediaType.endsWith("+json"))) {
            return false;
        }
        // JSON is UTF-8 (RFC 8259); a declared charset other than that would be misread
        String parameters = contentType.contains(";") ? contentType.substring(contentType.indexOf(';') + 1) : "";
        return Arrays.stream(parameters.split(";")).map(p -> p.trim().toLowerCase(Locale.ROOT))
                .filter(p -> p.startsWith("charset="))
                .allMatch(p -> p.equals("charset=utf-8") || p.equals("charset=\"utf-8\""));
    }

    private static ProblemException tooLarge(int maxBytes) {
        return new ProblemException(Problem.of(413, "The body is larger than " + maxBytes / 1024 + " KB."));
    }

    static FieldError fieldError(JsonProcessingException e) {
        if (e.getCause() instanceof StreamReadException syntax) {
            // a syntax error met while binding a nested object arrives wrapped in a mapping exception
            return syntaxError(syntax);
        }
        if (e instanceof MismatchedInputException trailing && trailing.getOriginalMessage() != null
                && trailing.getOriginalMessage().startsWith("Trailing token")) {
            return new FieldError(BODY, "malformed_json", "The body holds more than one JSON value.");
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(fieldOf(unknown), "unknown_field", "This request has no field \""
                    + unknown.getPropertyName() + "\".");
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return new FieldError(fieldOf(invalid), "invalid_value", "Expected " + describe(invalid.getTargetType())
                    + ".");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return new FieldError(fieldOf(mismatch), "wrong_type",
                    "Expected " + describe(mismatch.getTargetType()) + ".");
        }
        if (e instanceof StreamReadException syntax) {
            return syntaxError(syntax);
        }
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            return new FieldError(path(mapping), "invalid_value", "This value cannot be used here.");
        }
        return new FieldError(BODY, "malformed_json", "The body is not valid JSON.");
    }

    /**
     * Says where the parser stopped by line and column (safe to echo; the text is not). The field cannot be named
     * reliably: after a truncated or broken value the parser still points at the last complete field.
     */
    private static FieldError syntaxError(StreamReadException syntax) {
        String where = syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr()
                + ", column " + syntax.getLocation().getColumnNr() + ")";
        return new FieldError(BODY, "malformed_json", "The body is not valid JSON" + where + ".");
    }

    /** Jackson's reference chain as {@code agenda[2].start}. */
    /** The field an error names: its path, or the body itself where the path is empty (a top-level key ""). */
    private static String fieldOf(JsonMappingException e) {
        String path = path(e);
        return path.isEmpty() ? BODY : path;
    }

    static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == LocalDateTime.class) {
            return "a local date-time such as 2017-09-26T18:45:00, without Z or offset (the zone is timeZone)";
        }
        if (type == LocalDate.class) {
            return "a date such as 2017-09-26";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type)
                || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return "a JSON object";
    }
}
