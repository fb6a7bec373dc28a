package io.drover.server;

/**
 * Sizes the direct-buffer pool of gRPC's Netty before its classes load. gRPC's pooled allocator
 * gives each event-loop thread an arena of its own, up to two per core, and every arena keeps at
 * least one 2 MiB chunk of native memory once used. In one agent the gRPC server and the dev
 * node's in-process client touch four arenas at start-up (measured: 18 MB of direct memory
 * before the first job, 12 MB with one arena). Our gRPC traffic is forwarded writes, node
 * heartbeats and allocation updates: a handful of event-loop threads share one arena without
 * waiting on each other. An operator's own {@code -D} setting wins.
 */
final class NettyAllocatorDefaults {
    static final String GRPC_DIRECT_ARENAS = "io.grpc.netty.shaded.io.netty.allocator.numDirectArenas";

    private NettyAllocatorDefaults() {
    }

    /** Must run before anything touches gRPC's Netty: its allocator reads the property once. */
    static void apply() {
        if (System.getProperty(GRPC_DIRECT_ARENAS) == null) {
            System.setProperty(GRPC_DIRECT_ARENAS, "1");
        }
    }
}
