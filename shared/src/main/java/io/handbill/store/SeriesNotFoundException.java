package io.handbill.store;

public final class SeriesNotFoundException extends RuntimeException {
    public SeriesNotFoundException(String id) {
        super("No series " + id);
    }
}
