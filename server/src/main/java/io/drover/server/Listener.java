package io.drover.server;

import io.drover.server.config.AgentConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Objects;

/**
 * One address the agent listens on, with the flag and config key that set it, so that failing to
 * bind it says which listener, which address and port, and what to change: "Address already in
 * use" alone leaves a user guessing which of three ports is taken.
 *
 * @param what the listener, as the user knows it ("the HTTP API")
 * @param portFlag the command-line flag that sets its port
 * @param portKey the config file key that sets its port
 * @param host the address it binds (set by {@code -bind} / {@code bind_addr})
 * @param port the port it binds
 */
record Listener(String what, String portFlag, String portKey, String host, int port) {
    Listener {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(host, "host");
    }

    /** The HTTP API: {@code -http-port}, {@code ports.http}. */
    static Listener http(AgentConfig c) {
        return new Listener("the HTTP API", "-http-port", "ports.http", c.bindAddr(), c.httpPort());
    }

    /** Raft, on Nomad's RPC port: {@code -rpc-port}, {@code ports.rpc}. */
    static Listener raft(AgentConfig c) {
        return new Listener("Raft", "-rpc-port", "ports.rpc", c.bindAddr(), c.rpcPort());
    }

    /** The servers' and nodes' gRPC endpoint, on Nomad's Serf port: {@code -serf-port}, {@code ports.serf}. */
    static Listener grpc(AgentConfig c) {
        return new Listener("gRPC (servers and nodes)", "-serf-port", "ports.serf", c.bindAddr(), c.serfPort());
    }

    /** Every listener a server agent binds. */
    static List<Listener> of(AgentConfig c) {
        return List.of(http(c), raft(c), grpc(c));
    }

    /**
     * Fails, naming this listener, if its address cannot be bound now (another process holds it,
     * or the address is not this host's). Checked before anything starts: Ratis, failing to bind,
     * exits the whole process without saying which port it wanted.
     *
     * @throws BindFailure naming the listener, its address and what sets them
     */
    void ensureFree() {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // As the listeners themselves bind: a port in TIME_WAIT is free, one listened on is not.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code start}, which binds this listener; a bind failure anywhere among the causes of
     * what it throws (Netty rethrows the JDK's BindException unwrapped) comes out as a
     * {@link BindFailure} naming this listener.
     */
    void start(Runnable start) {
        try {
            start.run();
        } catch (RuntimeException e) {
            Throwable bind = bindCause(e);
            throw bind != null ? failure(bind) : e;
        } catch (Exception e) {
            // Netty's futures throw the bind's checked exception without declaring it.
            Throwable bind = bindCause(e);
            throw bind != null ? failure(bind) : new IllegalStateException(e);
        }
    }

    /** What a user reads: the listener, the address and port, the flags and keys that set them, and why. */
    BindFailure failure(Throwable cause) {
        return new BindFailure(what + " cannot listen on " + host + ":" + port + " (address set by -bind or bind_addr, "
                + "port by " + portFlag + " or " + portKey + "): " + reason(cause), cause);
    }

    private static Throwable bindCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (t instanceof BindException || message.contains("bind") || message.contains("already in use")) {
                return t;
            }
        }
        return null;
    }

    /** The innermost message: gRPC and Netty wrap the JDK's "Address already in use" in their own. */
    private static String reason(Throwable cause) {
        String reason = cause.getMessage();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                reason = t.getMessage();
            }
        }
        if (reason == null) {
            return cause.getClass().getSimpleName();
        }
        // Netty's native transport says "bind(..) failed with error(-98): Address already in use".
        int colon = reason.lastIndexOf("): ");
        return colon >= 0 && reason.startsWith("bind(") ? reason.substring(colon + 3) : reason;
    }

    /** The agent cannot start because a listener cannot bind; the message says which and what to change. */
    static final class BindFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BindFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
