package io.drover.http;

/** No leader could be reached within the hold time. */
public final class NoLeaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoLeaderException() {
        super("No cluster leader");
    }
}
