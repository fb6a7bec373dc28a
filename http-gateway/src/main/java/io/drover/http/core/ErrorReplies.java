package io.drover.http.core;

import io.drover.http.NoLeaderException;
import io.drover.model.json.BodyDecodeException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: plain text, the message Nomad would give, and
 * never a stack trace. Anything unexpected is a 500 and is logged here.
 */
public final class ErrorReplies {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);

    public static final String NO_LEADER = "No cluster leader";

    private ErrorReplies() {
    }

    public static Reply from(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof HttpError e) {
            return Reply.text(e.status(), e.getMessage());
        }
        if (t instanceof BodyDecodeException e) {
            return Reply.text(400, e.getMessage());
        }
        if (t instanceof NoLeaderException) {
            return Reply.text(500, NO_LEADER);
        }
        if (t instanceof CancellationException) {
            return Reply.text(500, "request cancelled");
        }
        if (t instanceof RejectedExecutionException) {
            return Reply.text(503, "HTTP gateway is shutting down");
        }
        LOG.warn("request failed unexpectedly", t);
        String message = t.getMessage();
        return Reply.text(500, message == null || message.isBlank() ? t.getClass().getSimpleName() : message);
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
