package io.drover.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one connection, and one client, may hold of the gateway. Nomad's agent has only the first
 * ({@code limits.http_max_conns_per_client}); Go's HTTP server, as Nomad 0.11 runs it, has no
 * timeouts at all, so a request whose body never completes and a connection that never sends
 * anything were both held forever, each with its file descriptor.
 *
 * @param maxConnsPerClient connections one client IP may have open at once; a further one is
 *     answered 429 and closed. 0: no limit
 * @param readTimeout how long a request may take to arrive, from its first byte to its last (head
 *     and body); then the connection is closed. Zero: no limit
 * @param idleTimeout how long a connection may stay open with no request on it (after it opens,
 *     or after the last answer was written); then it is closed. Zero: no limit
 * @param maxBufferedBodyBytes request bodies all connections together may hold at once (see
 *     {@link BodyBudget}); 0 for an eighth of the heap, and at least two of the largest bodies
 */
public record HttpLimits(int maxConnsPerClient, Duration readTimeout, Duration idleTimeout,
        long maxBufferedBodyBytes) {
    /** Nomad's default {@code http_max_conns_per_client}. */
    public static final int DEFAULT_MAX_CONNS_PER_CLIENT = 100;
    /**
     * Bodies are at most 4 MiB: the largest arrives within 30 s at about 1.2 Mbit/s, and a job file
     * (a few KiB) at any speed a client could work with. A request trickled in slower than that
     * (a "slowloris") holds a connection and its buffered body no longer than this.
     */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Longer than Go's HTTP client keeps an idle pooled connection (90 s, which Nomad's API client
     * and CLI use), so those clients close first and never send on a connection we are closing;
     * short enough that a client's forgotten connections give their file descriptors back.
     */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(2);

    public static final HttpLimits DEFAULTS =
            new HttpLimits(DEFAULT_MAX_CONNS_PER_CLIENT, DEFAULT_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT, 0);

    public HttpLimits {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxConnsPerClient < 0) {
            throw new IllegalArgumentException("http_max_conns_per_client must be >= 0");
        }
        if (readTimeout.isNegative() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("HTTP timeouts must be >= 0");
        }
        if (maxBufferedBodyBytes < 0) {
            throw new IllegalArgumentException("maxBufferedBodyBytes must be >= 0");
        }
    }

    /** With the default body budget. */
    public HttpLimits(int maxConnsPerClient, Duration readTimeout, Duration idleTimeout) {
        this(maxConnsPerClient, readTimeout, idleTimeout, 0);
    }

    /** The body budget in bytes, for bodies of at most {@code maxBodyBytes}. */
    long bodyBudget(int maxBodyBytes) {
        if (maxBufferedBodyBytes > 0) {
            return maxBufferedBodyBytes;
        }
        return Math.max(2L * maxBodyBytes, Runtime.getRuntime().maxMemory() / 8);
    }

    public HttpLimits withMaxConnsPerClient(int n) {
        return new HttpLimits(n, readTimeout, idleTimeout, maxBufferedBodyBytes);
    }

    public HttpLimits withReadTimeout(Duration d) {
        return new HttpLimits(maxConnsPerClient, d, idleTimeout, maxBufferedBodyBytes);
    }

    public HttpLimits withIdleTimeout(Duration d) {
        return new HttpLimits(maxConnsPerClient, readTimeout, d, maxBufferedBodyBytes);
    }

    public HttpLimits withMaxBufferedBodyBytes(long bytes) {
        return new HttpLimits(maxConnsPerClient, readTimeout, idleTimeout, bytes);
    }
}
