package io.drover.server.config;

import io.drover.http.HttpLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * The agent config's {@code limits} block: Nomad 0.11.3's four keys, with its defaults, and the
 * two HTTP timeouts Drover adds (Go's server as Nomad runs it has none).
 *
 * @param httpsHandshakeTimeout Nomad's deadline for an HTTPS handshake; read and checked so Nomad's
 *     configs load, unused while the HTTP API has no TLS
 * @param httpMaxConnsPerClient connections one client IP may hold open to the HTTP API; 0: no limit
 * @param rpcHandshakeTimeout Nomad's deadline for an RPC connection's first byte; read and checked,
 *     not yet enforced on the Raft and gRPC ports
 * @param rpcMaxConnsPerClient Nomad's limit on RPC connections per client IP; read and checked, not
 *     yet enforced on the Raft and gRPC ports
 * @param httpReadTimeout how long an HTTP request may take to arrive, first byte to last
 * @param httpIdleTimeout how long an HTTP connection may stay open without a request
 */
public record Limits(Duration httpsHandshakeTimeout, int httpMaxConnsPerClient, Duration rpcHandshakeTimeout,
        int rpcMaxConnsPerClient, Duration httpReadTimeout, Duration httpIdleTimeout) {
    /**
     * Nomad reserves this many of a client's RPC connections for Raft and other non-streaming
     * RPCs, and refuses a limit that leaves fewer than five for streaming.
     */
    static final int RPC_MIN_CONNS_PER_CLIENT = 20 + 5;

    /** Nomad's defaults; Drover's timeouts as the gateway's. */
    public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(5), HttpLimits.DEFAULT_MAX_CONNS_PER_CLIENT,
            Duration.ofSeconds(5), 100, HttpLimits.DEFAULT_READ_TIMEOUT, HttpLimits.DEFAULT_IDLE_TIMEOUT);

    /** @throws ConfigException with Nomad's words for a value it refuses */
    public Limits {
        Objects.requireNonNull(httpsHandshakeTimeout, "httpsHandshakeTimeout");
        Objects.requireNonNull(rpcHandshakeTimeout, "rpcHandshakeTimeout");
        Objects.requireNonNull(httpReadTimeout, "httpReadTimeout");
        Objects.requireNonNull(httpIdleTimeout, "httpIdleTimeout");
        nonNegative(httpsHandshakeTimeout, "https_handshake_timeout");
        nonNegative(rpcHandshakeTimeout, "rpc_handshake_timeout");
        nonNegative(httpReadTimeout, "http_read_timeout");
        nonNegative(httpIdleTimeout, "http_idle_timeout");
        if (httpMaxConnsPerClient < 0) {
            throw new ConfigException("http_max_conns_per_client must be >= 0");
        }
        if (rpcMaxConnsPerClient != 0 && rpcMaxConnsPerClient <= RPC_MIN_CONNS_PER_CLIENT) {
            throw new ConfigException("rpc_max_conns_per_client must be > " + RPC_MIN_CONNS_PER_CLIENT + "; found: "
                    + rpcMaxConnsPerClient);
        }
    }

    private static void nonNegative(Duration d, String key) {
        if (d.isNegative()) {
            throw new ConfigException(key + " must be >= 0");
        }
    }

    /** What the HTTP gateway enforces. */
    public HttpLimits http() {
        return new HttpLimits(httpMaxConnsPerClient, httpReadTimeout, httpIdleTimeout);
    }
}
