package io.drover.http;

import java.util.Objects;

/**
 * How the HTTP gateway listens.
 *
 * @param bindAddress the address to bind, e.g. "127.0.0.1" or "0.0.0.0"
 * @param port the port; 0 for an ephemeral one (read it back with {@link HttpGateway#port()})
 * @param maxRequestBodyBytes larger request bodies are refused with 413
 * @param ioThreads Netty event loop threads; 0 for Netty's default (twice the cores)
 * @param queryThreads threads that run routes and state reads; parked blocking queries hold none
 * @param limits what a connection and a client may hold: connections per client, timeouts
 * @param jobMaxCount the most instances (the sum of its groups' counts) a job may ask for, as a
 *     later Nomad's {@code server.job_max_count}; 0: no limit
 */
public record HttpGatewayConfig(String bindAddress, int port, int maxRequestBodyBytes, int ioThreads,
        int queryThreads, HttpLimits limits, int jobMaxCount) {
    public static final int DEFAULT_MAX_REQUEST_BODY_BYTES = 4 * 1024 * 1024;
    /** Nomad's HTTP port. */
    public static final int DEFAULT_PORT = 4646;
    /**
     * Nomad's default {@code job_max_count} (1.11, added to keep a server from running out of
     * memory): planning places every instance in memory, and a count of two billion took the
     * server's heap.
     */
    public static final int DEFAULT_JOB_MAX_COUNT = io.drover.model.validate.JobMaxCount.DEFAULT;

    public HttpGatewayConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(limits, "limits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxRequestBodyBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBodyBytes must be positive");
        }
        if (ioThreads < 0 || queryThreads <= 0) {
            throw new IllegalArgumentException("ioThreads must be >= 0 and queryThreads > 0");
        }
        if (jobMaxCount < 0) {
            throw new IllegalArgumentException("job_max_count (" + jobMaxCount + ") cannot be negative");
        }
    }

    /** With the default limits. */
    public HttpGatewayConfig(String bindAddress, int port, int maxRequestBodyBytes, int ioThreads, int queryThreads) {
        this(bindAddress, port, maxRequestBodyBytes, ioThreads, queryThreads, HttpLimits.DEFAULTS,
                DEFAULT_JOB_MAX_COUNT);
    }

    /** A gateway on {@code bindAddress:port} with the default limits and thread counts. */
    public static HttpGatewayConfig of(String bindAddress, int port) {
        return new HttpGatewayConfig(bindAddress, port, DEFAULT_MAX_REQUEST_BODY_BYTES, 0,
                Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public HttpGatewayConfig withMaxRequestBodyBytes(int bytes) {
        return new HttpGatewayConfig(bindAddress, port, bytes, ioThreads, queryThreads, limits, jobMaxCount);
    }

    public HttpGatewayConfig withLimits(HttpLimits newLimits) {
        return new HttpGatewayConfig(bindAddress, port, maxRequestBodyBytes, ioThreads, queryThreads, newLimits,
                jobMaxCount);
    }

    public HttpGatewayConfig withJobMaxCount(int max) {
        return new HttpGatewayConfig(bindAddress, port, maxRequestBodyBytes, ioThreads, queryThreads, limits, max);
    }
}
