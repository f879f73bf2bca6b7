package io.handbill.store;

public class InvalidCursorException extends RuntimeException {
    public InvalidCursorException() {
        super("The cursor is not one this service issued");
    }
}
