package io.handbill.validation;

/**
 * One problem with one field of a request.
 *
 * @param field JSON-pointer-like path such as {@code agenda[2].start}
 * @param code  stable machine-readable reason ({@code required}, {@code too_long}, …) that clients branch on
 * @param message for humans; may change
 */
public record FieldError(String field, String code, String message) {
}
