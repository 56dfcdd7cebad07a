package io.tenantgate.screening.engine.parse;

/** A list file that cannot be read; the whole file is rejected. {@code line} counts from 1. */
public class ListParseException extends RuntimeException {

    private final String file;
    private final long line;
    private final String reason;

    public ListParseException(String file, long line, String reason) {
        super(file + " line " + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
