package io.handbill.api;

import io.handbill.validation.FieldError;

import java.util.List;

/** The request is well-formed but breaks the rules: each broken rule names its field. Nothing was stored. */
final class InvalidRequestException extends RuntimeException {
    private final List<FieldError> errors;

    InvalidRequestException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s)", null, false, false);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
