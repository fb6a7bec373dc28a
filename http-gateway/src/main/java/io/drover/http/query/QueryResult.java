package io.drover.http.query;

import io.drover.http.core.Body;
import io.drover.http.core.Json;
import io.drover.http.core.Reply;
import java.util.function.Function;

/**
 * The answer of a {@link StateQuery} at one state: its index and either a value for a 200 or a
 * message for an error (a missing job is a 404 that still carries the table's index, and blocks
 * like any answer). Results are immutable and may be shared by many responses, so the rendered
 * JSON is kept: a burst of parked queries woken by one write renders once.
 */
public final class QueryResult {
    private final long index;
    private final int status;
    private final Object value;
    private final Function<QueryMeta, Object> withMeta;
    private final String error;
    private Body compact;
    private Body pretty;

    private QueryResult(long index, int status, Object value, Function<QueryMeta, Object> withMeta, String error) {
        this.index = index;
        this.status = status;
        this.value = value;
        this.withMeta = withMeta;
        this.error = error;
    }

    /** A 200 answer whose body is {@code value} (null renders as {@code null}). */
    public static QueryResult ok(long index, Object value) {
        return new QueryResult(index, 200, value, null, null);
    }

    /**
     * A 200 answer whose body embeds the response's meta (Nomad returns some responses with
     * {@code Index}, {@code LastContact} and {@code KnownLeader} in the body); rendered per reply.
     */
    public static QueryResult okWithMeta(long index, Function<QueryMeta, Object> body) {
        return new QueryResult(index, 200, null, body, null);
    }

    public static QueryResult notFound(long index, String message) {
        return new QueryResult(index, 404, null, null, message);
    }

    public long index() {
        return index;
    }

    public int status() {
        return status;
    }

    /** The reply to send, with {@code meta}'s headers. */
    public Reply toReply(QueryMeta meta, boolean prettyJson) {
        Reply reply;
        if (error != null) {
            reply = Reply.text(status, error);
        } else if (withMeta != null) {
            reply = Reply.json(status, Json.render(withMeta.apply(meta), prettyJson));
        } else {
            reply = Reply.json(status, rendered(prettyJson));
        }
        return reply.withHeaders(meta.headers());
    }

    private synchronized Body rendered(boolean prettyJson) {
        if (prettyJson) {
            if (pretty == null) {
                pretty = Json.render(value, true);
            }
            return pretty;
        }
        if (compact == null) {
            compact = Json.render(value, false);
        }
        return compact;
    }
}
