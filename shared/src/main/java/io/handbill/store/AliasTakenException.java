package io.handbill.store;

/** Another event already redirects from this alias's path. */
public class AliasTakenException extends RuntimeException {
    private final String alias;
    private final int index;

    public AliasTakenException(String alias, int index) {
        super("Alias " + alias + " is taken");
        this.alias = alias;
        this.index = index;
    }

    public String alias() {
        return alias;
    }

    /** Its position in the event's {@code aliases}. */
    public int index() {
        return index;
    }
}
