package io.drover.testkit.process;

import io.drover.testkit.net.FreePorts;

/**
 * The three listeners of one server: HTTP, Raft ({@code -rpc-port}) and gRPC ({@code -serf-port},
 * where nodes and forwarded writes arrive).
 */
public record ServerPorts(int http, int raft, int grpc) {
    /** Three ports free now, below the ephemeral range ({@link FreePorts}). */
    public static ServerPorts free() {
        int[] p = FreePorts.take(3);
        return new ServerPorts(p[0], p[1], p[2]);
    }
}
