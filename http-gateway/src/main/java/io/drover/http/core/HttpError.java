package io.drover.http.core;

/**
 * A request the gateway refuses with a status and a plain-text message, as Nomad's
 * {@code CodedError}. Thrown by routes; turned into a reply only by {@link ErrorReplies}.
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public int status() {
        return status;
    }
}
